"""User-facing refusals raised by actions."""

from __future__ import annotations


class ApplicationError(Exception):
    """A refusal the user should read: a translated message, optionally tied to a form field.

    Actions raise it before writing anything (or inside their transaction, which then rolls
    back); views show the message next to the field, the API answers 400 with it.
    """

    def __init__(self, message, *, field: str | None = None, code: str = "invalid"):
        super().__init__(str(message))
        self.message = message
        self.field = field
        self.code = code

    def as_dict(self) -> dict:
        return {"field": self.field, "code": self.code, "message": str(self.message)}


class InputErrors(Exception):
    """Several field errors found at once (the API answers 422 with all of them)."""

    def __init__(self, errors: list[ApplicationError]):
        super().__init__("; ".join(str(e.message) for e in errors))
        self.errors = errors

    def as_list(self) -> list[dict]:
        return [e.as_dict() for e in self.errors]

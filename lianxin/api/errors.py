"""Pydantic's validation errors as the API's field errors: {field, code, message}, every one
of them, with the message in the reader's language where Django has the words."""

from __future__ import annotations

from django.utils.translation import gettext as _

LOCATIONS = {"body", "query", "path", "header", "cookie", "form", "file"}


def _field(loc, params: set[str]) -> str | None:
    """("body", "payload", "co_units", 0) -> "co_units"; ("query", "offset") -> "offset"."""
    parts = [str(p) for p in loc if not isinstance(p, int)]
    if parts and parts[0] in LOCATIONS:
        parts = parts[1:]
    if len(parts) > 1 and parts[0] in params:
        parts = parts[1:]
    return ".".join(parts) or None


def _message(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing" or (kind == "string_too_short" and ctx.get("min_length") == 1):
        return _("This field is required.")
    if kind == "string_too_long":
        return _("Ensure this value has at most %(limit)s characters.") % {
            "limit": ctx.get("max_length")
        }
    if kind in ("greater_than_equal", "greater_than"):
        limit = ctx.get("ge", ctx.get("gt"))
        return _("Ensure this value is greater than or equal to %(limit_value)s.") % {
            "limit_value": limit
        }
    if kind in ("less_than_equal", "less_than"):
        limit = ctx.get("le", ctx.get("lt"))
        return _("Ensure this value is less than or equal to %(limit_value)s.") % {
            "limit_value": limit
        }
    if kind.startswith("int_"):
        return _("Enter a whole number.")
    if kind.startswith("bool_"):
        return _("Enter true or false.")
    if kind in ("enum", "literal_error"):
        return _("Select a valid choice. %(value)s is not one of the available choices.") % {
            "value": error.get("input")
        }
    return str(error.get("msg", "")) or _("Enter a valid value.")


def field_errors(errors: list[dict], params=("payload", "filters", "data")) -> list[dict]:
    out = []
    for error in errors:
        out.append(
            {
                "field": _field(error.get("loc", ()), set(params)),
                "code": str(error.get("type", "invalid")),
                "message": _message(error),
            }
        )
    return out

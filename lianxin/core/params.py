"""Bounded numbers for API input: every number that reaches the database fits its column.

An id beyond a 64-bit integer or an offset beyond any page made SQLite raise OverflowError
("datatype mismatch") and PostgreSQL "out of range": a 500 instead of a 400 with the field.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

BIGINT_MAX = 2**63 - 1

# A row's id (a primary key or a foreign key sent by the client).
Id = Annotated[int, Field(ge=1, le=BIGINT_MAX)]
# An offset into a list; a billion rows is beyond any register of this system.
Offset = Annotated[int, Field(ge=0, le=10**9)]


def check_choices(**found) -> None:
    """Ids the client sent that are not among the rows he may choose (of his organisation, of
    the record): every one of them at once, 422 (decision 019). `found` maps each field to the
    row found for its id (None: not found; a field the client left empty is not passed)."""
    from django.utils.translation import gettext as _

    from lianxin.core.errors import ApplicationError, InputErrors

    missing = [field for field, row in found.items() if row is None]
    if missing:
        raise InputErrors(
            [
                ApplicationError(
                    _("Select a valid choice. That choice is not one of the available choices."),
                    field=field,
                    code="invalid_choice",
                )
                for field in missing
            ]
        )

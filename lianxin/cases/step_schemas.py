"""The typed input of each case step in the JSON API (declared with its step in steps.py).

Field names are those of the page's forms, so that one function takes the step from either.
Ids of units and people are looked up in the case's organisation by the step's `choices`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import StringConstraints

from lianxin.core.params import BIGINT_MAX, Id

from .models import DeclineReason

Text = Annotated[str, StringConstraints(min_length=1, max_length=1000)]
OptionalText = Annotated[str, StringConstraints(max_length=1000)]


class StepIn(Schema):
    version: int = Field(
        ...,
        ge=0,
        le=BIGINT_MAX,
        description="The case version you read: if the case changed meanwhile, the step is "
        "refused (code `stale`) and you should read the case again.",
    )


class DispatchIn(StepIn):
    unit: Id
    co_units: list[Id] = Field(default_factory=list, max_length=50)
    handler: Id | None = None
    note: OptionalText = ""


class MergeIn(StepIn):
    original: Annotated[str, StringConstraints(min_length=1, max_length=16)]


class DeclineIn(StepIn):
    reason: DeclineReason
    original: Annotated[str, StringConstraints(max_length=16)] = ""
    note: OptionalText = ""


class ReasonIn(StepIn):
    reason: Text


class NoteIn(StepIn):
    note: OptionalText = ""


class RequiredNoteIn(StepIn):
    note: Text


class QuestionIn(StepIn):
    question: Text


class AssignIn(StepIn):
    handler: Id


class ExtensionIn(StepIn):
    workdays: int = Field(..., ge=1, le=30)
    reason: Text


class DecideIn(StepIn):
    approve: bool
    note: Annotated[str, StringConstraints(max_length=200)] = ""


class DecideAppealIn(StepIn):
    approve: bool = Field(..., description="true: the appeal is upheld (the rating is excluded)")
    note: OptionalText = ""


class ReplyIn(StepIn):
    reply: Annotated[str, StringConstraints(min_length=1, max_length=5000)]
    reusable: bool = False


class RatingIn(StepIn):
    rating: int = Field(
        ..., ge=1, le=5, description="1 (very unsatisfied) to 5; 1 or 2 go to review"
    )
    solved: bool
    comment: Annotated[str, StringConstraints(max_length=500)] = ""


class SuperviseIn(StepIn):
    level: Literal[2, 3] = Field(..., description="2: supervision (督办), 3: flagged (挂牌督办)")
    note: OptionalText = ""

"""/api/v1/catalog/requests/{code}/review...: 好差评 of a completed service request. A platform
holding the request's number and secret records the applicant's rating; the handling unit
rectifies a bad one and answers (5 working days), its leader may appeal, the organisation's
supervisors decide the appeal. Those who do not see the request get 404; a step the action
refuses answers 400, a body that does not fit 422 with every field error."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from django.http import Http404
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict, StringConstraints

from lianxin.core.actor import Actor

from . import access, actions, queries
from .models import Review

router = Router(tags=["catalog"])


def _example(body: dict) -> ConfigDict:
    return ConfigDict(json_schema_extra={"example": body})


class ServiceRatingOut(Schema):
    level: int
    reasons: str
    rectify_due: datetime | None
    rectification: str
    rectified_at: datetime | None
    appeal_reason: str
    appeal_state: str
    excluded: bool


class ServiceRatingIn(Schema):
    secret: Annotated[str, StringConstraints(min_length=1, max_length=100)] = Field(
        ..., description="The secret the applicant was given with the request's number"
    )
    level: Review.Level = Field(..., description="5 非常满意 … 1 非常不满意")
    reasons: Annotated[str, StringConstraints(max_length=1000)] = Field(
        "", description="Needed for a rating of 2 or 1"
    )

    model_config = _example({"secret": "k3v9-2xq7", "level": 2, "reasons": "窗口人员态度冷淡"})


class RectifyIn(Schema):
    answer: Annotated[str, StringConstraints(min_length=1, max_length=2000)]

    model_config = _example({"answer": "已对窗口人员批评教育，并电话向申请人致歉。"})


class AppealIn(Schema):
    reason: Annotated[str, StringConstraints(min_length=1, max_length=1000)]

    model_config = _example({"reason": "申请材料不全，已一次性告知，差评与事实不符。"})


class ReviewDecideAppealIn(Schema):
    uphold: bool = Field(..., description="Upheld: the rating is left out of the figures")

    model_config = _example({"uphold": True})


def _out(review: Review) -> dict:
    return {f: getattr(review, f) for f in ServiceRatingOut.model_fields}


def _review(request, code: str) -> Review:
    req = access.access_request(request.user, code)
    review = queries.review_of(req)
    if review is None:
        raise Http404
    return review


@router.get("/requests/{code}/review", response=ServiceRatingOut, summary="The request's rating")
def get_review(request, code: str):
    return _out(_review(request, code))


@router.post(
    "/requests/{code}/review",
    response={201: ServiceRatingOut},
    summary="Record the applicant's rating (with the request's secret)",
    description="Once, after completion; a wrong secret answers 400 as an unknown number.",
)
def submit_review(request, code: str, payload: ServiceRatingIn):
    access.access_request(request.user, code)
    actions.review_submit(code=code, **payload.dict())
    return Status(201, _out(_review(request, code)))


@router.post(
    "/requests/{code}/review/rectify",
    response=ServiceRatingOut,
    summary="Rectify a bad rating and answer the applicant (the handling unit)",
)
def rectify(request, code: str, payload: RectifyIn):
    review = _review(request, code)
    actions.review_rectify(review=review, answer=payload.answer, actor=Actor.user(request.user))
    return _out(_review(request, code))


@router.post(
    "/requests/{code}/review/appeal",
    response=ServiceRatingOut,
    summary="Appeal a bad rating (the unit's leader)",
)
def appeal(request, code: str, payload: AppealIn):
    review = _review(request, code)
    actions.review_appeal(review=review, reason=payload.reason, actor=Actor.user(request.user))
    return _out(_review(request, code))


@router.post(
    "/requests/{code}/review/decide-appeal",
    response=ServiceRatingOut,
    summary="Decide an appeal (the organisation's supervisors)",
)
def decide_appeal(request, code: str, payload: ReviewDecideAppealIn):
    review = _review(request, code)
    actions.review_decide_appeal(
        review=review, uphold=payload.uphold, actor=Actor.user(request.user)
    )
    return _out(_review(request, code))

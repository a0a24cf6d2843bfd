"""/api/v1/catalog/requests/{code}/...: the steps of a service request (补正, resume,
extension and its decision, completion), each calling the page's action. Those who do not
see the request get 404; a step the action refuses answers 400, a body that does not fit
422 with every field error at once. Send the `version` you read (stale: 400 `stale`)."""

from __future__ import annotations

from typing import Annotated

from ninja import Field, Router, Schema
from pydantic import ConfigDict, StringConstraints

from . import access, actions
from .api import RequestOut, _request_out
from .models import ServiceRequest

router = Router(tags=["catalog"])

Version = Annotated[
    int | None,
    Field(
        ge=0,
        le=2**63 - 1,
        description="The version of the last answer you read: if the request changed since, "
        "the step is refused (400, code `stale`). Left out: no such check.",
    ),
]


def _example(body: dict) -> ConfigDict:
    return ConfigDict(json_schema_extra={"example": body})


class RequestPauseIn(Schema):
    version: Version = None
    missing: list[Annotated[str, StringConstraints(min_length=1, max_length=200)]] = Field(
        ..., min_length=1, max_length=30
    )
    note: Annotated[str, StringConstraints(max_length=500)] = ""

    model_config = _example({"version": 2, "missing": ["身份证复印件", "房产证"], "note": ""})


class RequestStepIn(Schema):
    version: Version = None

    model_config = _example({"version": 3})


class RequestExtendIn(Schema):
    version: Version = None
    workdays: int = Field(..., ge=1, le=30)
    reason: Annotated[str, StringConstraints(min_length=1, max_length=200)]

    model_config = _example({"version": 2, "workdays": 5, "reason": "需现场勘验"})


class RequestDecideIn(Schema):
    version: Version = None
    approve: bool

    model_config = _example({"version": 3, "approve": True})


class RequestCompleteIn(Schema):
    version: Version = None
    decision: ServiceRequest.Decision
    note: Annotated[str, StringConstraints(max_length=2000)] = ""

    model_config = _example({"version": 2, "decision": "approved", "note": ""})


class RequestStepOut(RequestOut):
    version: int


def _done(request, code: str) -> dict:
    req = access.access_request(request.user, code)
    return {**_request_out(req, access.handles(request.user, req.service)), "version": req.version}


@router.post("/requests/{code}/pause", response=RequestStepOut, summary="Ask for missing materials")
def pause(request, code: str, payload: RequestPauseIn):
    req = access.access_request(request.user, code)
    actions.request_pause(req=req, actor=request.user, **payload.dict())
    return _done(request, code)


@router.post("/requests/{code}/resume", response=RequestStepOut, summary="Materials received")
def resume(request, code: str, payload: RequestStepIn):
    req = access.access_request(request.user, code)
    actions.request_resume(req=req, actor=request.user, **payload.dict())
    return _done(request, code)


@router.post("/requests/{code}/extend", response=RequestStepOut, summary="Ask for an extension")
def extend(request, code: str, payload: RequestExtendIn):
    req = access.access_request(request.user, code)
    actions.request_extend(req=req, actor=request.user, **payload.dict())
    return _done(request, code)


@router.post(
    "/requests/{code}/decide-extension", response=RequestStepOut, summary="Decide an extension"
)
def decide_extension(request, code: str, payload: RequestDecideIn):
    req = access.access_request(request.user, code)
    actions.request_extension_decide(req=req, actor=request.user, **payload.dict())
    return _done(request, code)


@router.post("/requests/{code}/complete", response=RequestStepOut, summary="Complete the request")
def complete(request, code: str, payload: RequestCompleteIn):
    req = access.access_request(request.user, code)
    actions.request_complete(req=req, actor=request.user, **payload.dict())
    return _done(request, code)

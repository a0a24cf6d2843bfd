"""/api/v1/catalog/: the register of service requests (list, read, register). Services,
guides and commitments: `guides_api.py`; the steps of a request: `request_api.py`; reviews:
`review_api.py`."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from ninja import Field, Router, Schema, Status

from lianxin.core.params import Id, Offset
from lianxin.core.text import mask_phone

from . import access, actions, queries

router = Router(tags=["catalog"])


class RequestOut(Schema):
    code: str
    service: str
    applicant: str
    phone: str
    subject: str
    status: str
    received_at: datetime
    due_at: datetime
    completed_at: datetime | None
    decision: str
    on_time: bool | None


class RequestIn(Schema):
    service: Id
    applicant_name: str
    applicant_phone: str
    subject: str
    channel: str = "online"
    submit_token: str = Field(
        ...,
        max_length=100,
        description="An idempotency key of the caller: the same key twice gives one request",
    )

    model_config = {
        "json_schema_extra": {
            "example": {
                "service": 2,
                "applicant_name": "青山建工集团",
                "applicant_phone": "13812345678",
                "subject": "S205线K12+300开挖埋设管线",
                "channel": "online",
                "submit_token": "platform-2026-000123",
            }
        }
    }


class RegisteredOut(Schema):
    code: str
    secret: str
    due_at: datetime


def _request_out(r, phone_shown: bool) -> dict:
    """The request; the applicant's phone in full for those who handle its service."""
    return {
        "code": r.code,
        "service": r.service.name,
        "applicant": r.applicant_name,
        "phone": r.applicant_phone if phone_shown else mask_phone(r.applicant_phone),
        "subject": r.subject,
        "status": r.status,
        "received_at": r.received_at,
        "due_at": r.due_at,
        "completed_at": r.completed_at,
        "decision": r.decision,
        "on_time": r.on_time,
    }


@router.get(
    "/requests",
    response=list[RequestOut],
    summary="The register of service requests",
    description="Of the caller's organisation, newest first; the applicant's phone masked for "
    "those who do not handle the service.",
)
def request_list(
    request,
    month: date | None = None,
    status: str = "",
    limit: Annotated[int, Field(ge=1, le=500)] = 100,
    offset: Offset = 0,
):
    root = access.root_of(request.user)
    found = queries.request_list(root, status=status, month=month.replace(day=1) if month else None)
    rows = list(found[offset : offset + limit])
    handled = access.handled_service_ids(request.user, {r.service for r in rows})
    return [_request_out(r, r.service_id in handled) for r in rows]


@router.get("/requests/{code}", response=RequestOut, summary="One service request")
def request_get(request, code: str):
    req = access.access_request(request.user, code)
    return _request_out(req, access.handles(request.user, req.service))


@router.post(
    "/requests",
    response={201: RegisteredOut},
    summary="Register a service request (its handlers)",
    description="The deadline follows the service's published guide; the applicant's secret "
    "is returned once.",
)
def request_register(request, payload: RequestIn):
    root = access.root_of(request.user)
    service = access.handled_service(request.user, root, payload.service)
    req, secret = actions.request_register(
        actor=request.user, **payload.dict(exclude={"service"}), service=service
    )
    return Status(201, {"code": req.code, "secret": secret, "due_at": req.due_at})

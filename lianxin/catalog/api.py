"""/api/v1/catalog/: services with their current guide, commitments with performance, and
the register of service requests (list, read, register)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from django.core.exceptions import PermissionDenied
from ninja import Field, Router, Schema, Status

from lianxin.core.params import Id, Offset
from lianxin.core.text import mask_phone

from . import access, actions, queries
from .models import Service

router = Router(tags=["catalog"])


class GuideOut(Schema):
    version: int
    promised_workdays: int
    legal_workdays: int
    visits: int
    materials: list[dict]
    conditions: str
    steps: str


class ServiceOut(Schema):
    id: int
    code: str
    name: str
    unit: str
    guide: GuideOut | None


class CommitmentOut(Schema):
    text: str
    service: str | None
    target_workdays: int | None
    completed: int
    on_time_share: float | None
    avg_workdays: float | None
    bad_reviews: int


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
    submit_token: str = Field(..., max_length=100)


class RegisteredOut(Schema):
    code: str
    secret: str
    due_at: datetime


def _guide(g):
    if g is None:
        return None
    return {
        "version": g.number,
        "promised_workdays": g.promised_workdays,
        "legal_workdays": g.legal_workdays,
        "visits": g.visits,
        "materials": g.materials,
        "conditions": g.conditions,
        "steps": g.steps,
    }


@router.get("/services", response=list[ServiceOut])
def services(request):
    root = access.root_of(request.user)
    rows = list(Service.objects.filter(root=root).select_related("unit"))
    guides = queries.published_guides(rows)
    return [
        {
            "id": s.pk,
            "code": s.code,
            "name": s.name,
            "unit": s.unit.name,
            "guide": _guide(guides.get(s.pk)),
        }
        for s in rows
    ]


@router.get("/commitments", response=list[CommitmentOut])
def commitments(request):
    root = access.root_of(request.user)
    return [
        {
            "text": p["commitment"].text,
            "service": p["commitment"].service.name if p["commitment"].service else None,
            "target_workdays": p["commitment"].target_workdays,
            "completed": p["done"],
            "on_time_share": p["on_time_share"],
            "avg_workdays": p["avg_days"],
            "bad_reviews": p["bad"],
        }
        for p in queries.performance(root)
    ]


def _request_out(r, user) -> dict:
    return {
        "code": r.code,
        "service": r.service.name,
        "applicant": r.applicant_name,
        "phone": r.applicant_phone
        if access.handles(user, r.service)
        else mask_phone(r.applicant_phone),
        "subject": r.subject,
        "status": r.status,
        "received_at": r.received_at,
        "due_at": r.due_at,
        "completed_at": r.completed_at,
        "decision": r.decision,
        "on_time": r.on_time,
    }


@router.get("/requests", response=list[RequestOut])
def request_list(
    request,
    month: date | None = None,
    status: str = "",
    limit: Annotated[int, Field(ge=1, le=500)] = 100,
    offset: Offset = 0,
):
    root = access.root_of(request.user)
    rows = queries.request_list(root, status=status, month=month.replace(day=1) if month else None)
    return [_request_out(r, request.user) for r in rows[offset : offset + limit]]


@router.get("/requests/{code}", response=RequestOut)
def request_get(request, code: str):
    return _request_out(access.access_request(request.user, code), request.user)


@router.post("/requests", response={201: RegisteredOut})
def request_register(request, payload: RequestIn):
    root = access.root_of(request.user)
    service = (
        Service.objects.filter(pk=payload.service, root=root).select_related("unit", "root").first()
    )
    if service is None or not access.handles(request.user, service):
        raise PermissionDenied
    req, secret = actions.request_register(
        actor=request.user, **payload.dict(exclude={"service"}), service=service
    )
    return Status(201, {"code": req.code, "secret": secret, "due_at": req.due_at})

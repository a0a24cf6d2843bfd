"""/api/v1/catalog/ (services, guides, commitments): the organisation's administrators add
and change services, draft a new version of a service's guide (办事指南), change the draft
and publish it, and make commitments (承诺); the rest of the organisation reads them (403 for
a change by anyone else, 404 for someone of another organisation). Each step calls the same
action as the page `政务服务`."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from django.http import Http404
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict, StringConstraints

from lianxin.core.actor import Actor
from lianxin.core.params import Id, check_choices
from lianxin.org.queries import unit_under

from . import access, actions, queries
from .models import Commitment, GuideVersion, Service

router = Router(tags=["catalog"])

Text = Annotated[str, StringConstraints(max_length=5000)]
Short = Annotated[str, StringConstraints(max_length=200)]
Phone = Annotated[str, StringConstraints(max_length=30)]
Workdays = Annotated[int, Field(ge=1, le=365)]


def _example(body: dict) -> ConfigDict:
    return ConfigDict(json_schema_extra={"example": body})


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
    id: int
    text: str
    service: str | None
    target_workdays: int | None
    completed: int
    on_time_share: float | None
    avg_workdays: float | None
    bad_reviews: int


class ServiceIn(Schema):
    code: Annotated[
        str, StringConstraints(min_length=1, max_length=40, pattern=r"^[-a-zA-Z0-9_]+$")
    ]
    name: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    unit: Id = Field(..., description="The handling unit")
    sort_order: int = Field(0, ge=0, le=10000)

    model_config = _example({"code": "overload", "name": "超限运输许可", "unit": 3})


class ServiceSaved(Schema):
    id: int
    code: str
    name: str
    unit: str
    sort_order: int


class Material(Schema):
    name: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    original: bool = False
    copies: int = Field(0, ge=0, le=20)
    note: Annotated[str, StringConstraints(max_length=100)] = ""


class GuideIn(Schema):
    conditions: Text = ""
    steps: Text = ""
    fees: Text = ""
    fee_basis: Text = ""
    legal_basis: Text = ""
    place: Short = ""
    hours: Short = ""
    consult_phone: Phone = ""
    complaint_phone: Phone = ""
    materials: list[Material] = Field([], max_length=50)
    legal_workdays: Workdays | None = None
    promised_workdays: Workdays | None = None
    visits: int = Field(1, ge=0, le=10)

    model_config = _example(
        {
            "conditions": "车货总重超过限定标准的车辆",
            "steps": "网上申请→受理→审查→决定",
            "materials": [
                {"name": "申请书", "original": True},
                {"name": "车辆行驶证", "copies": 1},
            ],
            "legal_workdays": 10,
            "promised_workdays": 5,
            "visits": 0,
        }
    )


class GuideFull(Schema):
    id: int
    number: int
    state: str
    conditions: str
    steps: str
    fees: str
    fee_basis: str
    legal_basis: str
    place: str
    hours: str
    consult_phone: str
    complaint_phone: str
    materials: list[dict]
    legal_workdays: int | None
    promised_workdays: int | None
    visits: int
    published_at: datetime | None


class CommitmentIn(Schema):
    text: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    service: Id | None = Field(None, description="None: a general commitment")
    target_workdays: Workdays | None = Field(
        None, description="Completed within so many working days (needs the service)"
    )
    sort_order: int = Field(0, ge=0, le=10000)

    model_config = _example(
        {"text": "超限运输许可3个工作日内办结", "service": 2, "target_workdays": 3}
    )


class CommitmentSaved(Schema):
    id: int
    text: str
    service: str | None
    target_workdays: int | None


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


@router.get(
    "/services",
    response=list[ServiceOut],
    summary="Services with their published guide",
)
def services(request):
    root = access.root_of(request.user)
    rows = list(queries.services_of(root))
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


@router.get(
    "/commitments",
    response=list[CommitmentOut],
    summary="Commitments with their real figures",
    description="Requests completed, the share on time, the average working days and the "
    "bad reviews.",
)
def commitments(request):
    root = access.root_of(request.user)
    return [
        {
            "id": p["commitment"].pk,
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


def _editor(request):
    return access.editor_root(request.user)


def _service_out(s: Service) -> dict:
    return {
        "id": s.pk,
        "code": s.code,
        "name": s.name,
        "unit": s.unit.name,
        "sort_order": s.sort_order,
    }


def _guide_out(g: GuideVersion) -> dict:
    fields = [f for f in GuideFull.model_fields if f not in ("id",)]
    return {"id": g.pk, **{f: getattr(g, f) for f in fields}}


def _service(request, pk) -> Service:
    return access.access_home_service(request.user, pk)


def _save_service(request, payload: ServiceIn, service=None) -> Service:
    root = _editor(request)
    d = payload.dict()
    unit = unit_under(root, d["unit"])
    check_choices(unit=unit)
    d["unit"] = unit
    return actions.service_save(root=root, service=service, actor=Actor.user(request.user), **d)


@router.post(
    "/services",
    response={201: ServiceSaved},
    summary="Add a service (administrators)",
    description="A service with its code and handling unit; its guide is drafted next.",
)
def add_service(request, payload: ServiceIn):
    return Status(201, _service_out(_save_service(request, payload)))


@router.put("/services/{pk}", response=ServiceSaved, summary="Change a service (administrators)")
def change_service(request, pk: Id, payload: ServiceIn):
    return _service_out(_save_service(request, payload, _service(request, pk)))


@router.get(
    "/services/{pk}/guides",
    response=list[GuideFull],
    summary="Every version of a service's guide",
    description="Newest first: the draft if any, the published one, the superseded ones.",
)
def guides(request, pk: Id):
    service = _service(request, pk)
    return [_guide_out(g) for g in queries.guide_versions(service)]


@router.post(
    "/services/{pk}/draft",
    response=GuideFull,
    summary="Start the draft of a new guide version (administrators)",
    description="A copy of the latest version; an existing draft is returned as it is.",
)
def draft(request, pk: Id):
    service = _service(request, pk)
    return _guide_out(actions.guide_draft(service=service, actor=Actor.user(request.user)))


def _draft(request, pk) -> GuideVersion:
    guide = queries.draft_of(_service(request, pk))
    if guide is None:
        raise Http404
    return guide


@router.put(
    "/services/{pk}/draft",
    response=GuideFull,
    summary="Change the draft guide (administrators)",
    description="Parts left out of the body stay as they are.",
)
def change_draft(request, pk: Id, payload: GuideIn):
    guide = _draft(request, pk)
    fields = payload.dict(exclude_unset=True)
    guide = actions.guide_update(guide=guide, actor=Actor.user(request.user), **fields)
    return _guide_out(guide)


@router.post(
    "/services/{pk}/draft/publish",
    response=GuideFull,
    summary="Publish the draft guide (administrators)",
    description="It replaces the published version; it needs its materials and the legal and "
    "promised time limits (promised no longer than legal), else 400.",
)
def publish(request, pk: Id):
    guide = _draft(request, pk)
    return _guide_out(actions.guide_publish(guide=guide, actor=Actor.user(request.user)))


@router.post(
    "/commitments",
    response={201: CommitmentSaved},
    summary="Make a commitment (administrators)",
    description="A general commitment, or one for a service with a published guide, within "
    "its legal time limit.",
)
def add_commitment(request, payload: CommitmentIn):
    root = _editor(request)
    d = payload.dict()
    if d["service"] is not None:
        d["service"] = queries.service_of(root, d["service"])
        check_choices(service=d["service"])
    c: Commitment = actions.commitment_save(root=root, actor=Actor.user(request.user), **d)
    return Status(
        201,
        {
            "id": c.pk,
            "text": c.text,
            "service": c.service.name if c.service else None,
            "target_workdays": c.target_workdays,
        },
    )

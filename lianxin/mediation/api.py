"""/api/v1/mediation/: disputes and their sessions, parties, closing and follow-up, for those
`access.py` lets see them (anyone else 404, as on the pages); the parties' contact details
only for the mediator and the unit's leaders. Every step calls the same action as the page.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from ninja import Field, Router, Schema, Status
from pydantic import StringConstraints

from lianxin.cases.access import access_case
from lianxin.core.actor import Actor
from lianxin.core.params import Id, check_choices
from lianxin.org.access import home_root_or_404
from lianxin.org.queries import person_under, unit_under

from . import access, actions, queries
from .models import Dispute, Party

router = Router(tags=["mediation"])


Text100 = Annotated[str, StringConstraints(min_length=1, max_length=100)]
Text300 = Annotated[str, StringConstraints(min_length=1, max_length=300)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=10000)]
Optional100 = Annotated[str, StringConstraints(max_length=100)]
Optional200 = Annotated[str, StringConstraints(max_length=200)]
Optional1000 = Annotated[str, StringConstraints(max_length=1000)]
OptionalLong = Annotated[str, StringConstraints(max_length=10000)]


class PartyOut(Schema):
    kind: str
    name: str
    contact: str


class SessionOut(Schema):
    day: date
    place: str
    attendees: str
    notes: str


class DisputeOut(Schema):
    id: int
    unit: str
    subject: str
    category: str
    mediator: str
    case: str | None
    outcome: str
    closed_at: datetime | None
    follow_up_on: date | None
    agreement_no: str | None


class DisputeDetail(DisputeOut):
    description: str
    agreement: str
    transfer_to: str
    parties: list[PartyOut]
    sessions: list[SessionOut]


class PartyNew(Schema):
    name: Text100
    kind: Party.Kind = Party.Kind.PERSON
    contact: Optional200 = ""


class DisputeIn(Schema):
    unit: Id = Field(..., description="The mediating unit (of your organisation)")
    subject: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    category: Dispute.Category
    description: LongText = Field(..., description="What happened")
    mediator: Id = Field(..., description="The mediator, a person of your organisation")
    parties: list[PartyNew] = Field([], max_length=20)
    case: Annotated[str, StringConstraints(max_length=40)] | None = Field(
        None, description="The code of the case the dispute came from, if any"
    )

    model_config = {
        "json_schema_extra": {
            "example": {
                "unit": 3,
                "subject": "青山村宅基地边界纠纷",
                "category": Dispute.Category.values[0],
                "description": "两户因院墙位置发生争执。",
                "mediator": 7,
                "parties": [{"name": "张某", "kind": "person", "contact": "13800000000"}],
            }
        }
    }


class SessionIn(Schema):
    day: date
    place: Text100
    attendees: Text300
    notes: LongText

    model_config = {
        "json_schema_extra": {
            "example": {
                "day": "2026-11-20",
                "place": "青山村委会",
                "attendees": "调解员、双方当事人、村主任",
                "notes": "双方同意按测量结果重新划定边界。",
            }
        }
    }


class PartyIn(Schema):
    name: Text100
    kind: Party.Kind = Party.Kind.PERSON
    contact: Optional200 = ""

    model_config = {
        "json_schema_extra": {"example": {"name": "张某", "kind": "person", "contact": "138****"}}
    }


class CloseIn(Schema):
    outcome: Dispute.Outcome
    agreement: OptionalLong = ""
    transfer_to: Optional100 = ""
    follow_up_on: date | None = None

    model_config = {
        "json_schema_extra": {
            "example": {"outcome": "success", "agreement": "甲方于12月10日前赔偿乙方2000元。"}
        }
    }


class FollowUpIn(Schema):
    kept: bool
    note: Optional1000 = ""

    model_config = {"json_schema_extra": {"example": {"kept": True, "note": "已按协议履行"}}}


def _out(d: Dispute) -> dict:
    return {
        "id": d.pk,
        "unit": d.unit.name,
        "subject": d.subject,
        "category": d.category,
        "mediator": d.mediator.name,
        "case": d.case.code if d.case is not None else None,
        "outcome": d.outcome,
        "closed_at": d.closed_at,
        "follow_up_on": d.follow_up_on,
        "agreement_no": (f"{d.agreement_year}-{d.agreement_no}" if d.agreement_no else None),
    }


def _detail(request, d: Dispute) -> dict:
    contacts = access.sees_contacts(request.user, d)
    out = _out(d)
    out.update(
        description=d.description,
        agreement=d.agreement,
        transfer_to=d.transfer_to,
        parties=[
            {"kind": p.kind, "name": p.name, "contact": p.contact if contacts else ""}
            for p in queries.parties_of(d)
        ],
        sessions=[
            {"day": s.day, "place": s.place, "attendees": s.attendees, "notes": s.notes}
            for s in queries.sessions_of(d)
        ],
    )
    return out


@router.get("/disputes", response=list[DisputeOut], summary="The disputes you see")
def list_disputes(request):
    root = home_root_or_404(request.user)
    return [_out(d) for d in access.disputes_seen(request.user, root)[:200]]


@router.post(
    "/disputes",
    response={201: DisputeDetail},
    summary="Open a dispute",
    description="Register a dispute (on its own or from a case you see) at a unit of your "
    "organisation and name its mediator; the same action as the page 新调解.",
)
def open_dispute(request, payload: DisputeIn):
    root = home_root_or_404(request.user)
    d = payload.dict()
    case = None
    code = d.pop("case")
    if code:
        case, _roles = access_case(request.user, code)
    unit = unit_under(root, d["unit"])
    mediator = person_under(root, d["mediator"], active=True)
    check_choices(unit=unit, mediator=mediator)
    d.update(unit=unit, mediator=mediator)
    dispute = actions.dispute_open(actor=Actor.user(request.user), case=case, **d)
    return Status(201, _detail(request, access.access_dispute(request.user, dispute.pk)))


@router.get("/disputes/{pk}", response=DisputeDetail, summary="One dispute")
def get_dispute(request, pk: Id):
    return _detail(request, access.access_dispute(request.user, pk))


@router.post("/disputes/{pk}/sessions", response={201: DisputeDetail}, summary="Record a session")
def add_session(request, pk: Id, payload: SessionIn):
    dispute = access.access_dispute(request.user, pk)
    actions.session_add(dispute=dispute, actor=request.user, **payload.dict())
    return Status(201, _detail(request, access.access_dispute(request.user, pk)))


@router.post("/disputes/{pk}/parties", response={201: DisputeDetail}, summary="Add a party")
def add_party(request, pk: Id, payload: PartyIn):
    dispute = access.access_dispute(request.user, pk)
    actions.party_add(dispute=dispute, actor=request.user, **payload.dict())
    return Status(201, _detail(request, access.access_dispute(request.user, pk)))


@router.post("/disputes/{pk}/close", response=DisputeDetail, summary="Close the mediation")
def close(request, pk: Id, payload: CloseIn):
    dispute = access.access_dispute(request.user, pk)
    actions.dispute_close(dispute=dispute, actor=request.user, **payload.dict())
    return _detail(request, access.access_dispute(request.user, pk))


@router.post("/disputes/{pk}/follow-up", response=DisputeDetail, summary="Record the follow-up")
def follow_up(request, pk: Id, payload: FollowUpIn):
    dispute = access.access_dispute(request.user, pk)
    actions.dispute_follow_up(dispute=dispute, actor=request.user, **payload.dict())
    return _detail(request, access.access_dispute(request.user, pk))

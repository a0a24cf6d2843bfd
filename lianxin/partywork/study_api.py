"""/api/v1/partywork/ (study and guidance): a station's study sessions (三会一课), planned and
recorded by its party secretary, and the party-building office's guidance to the stations.

Those with a role on a unit (or above it) and the party-building office read; anyone else
404 (`access.py`). Each step calls the same action as the page.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from django.core.exceptions import PermissionDenied
from ninja import Field, Router, Schema, Status
from pydantic import StringConstraints

from lianxin.core.actor import Actor
from lianxin.core.params import Id, check_choices
from lianxin.core.queries import by_pk
from lianxin.org.access import home_root_or_404

from . import access, actions, queries
from .models import Attendance, Guidance, StudySession

router = Router(tags=["partywork"])

Text100 = Annotated[str, StringConstraints(min_length=1, max_length=100)]
Optional100 = Annotated[str, StringConstraints(max_length=100)]
Optional2000 = Annotated[str, StringConstraints(max_length=2000)]


class StudyAttendanceOut(Schema):
    person: int
    name: str
    status: str
    reason: str


class StudySessionOut(Schema):
    id: int
    unit: str
    topic: str
    starts_at: datetime
    place: str
    materials: str
    state: str
    summary: str
    attendance: list[StudyAttendanceOut]


class StudySessionIn(Schema):
    topic: Text100
    starts_at: datetime
    place: Optional100 = ""
    materials: Optional2000 = ""

    model_config = {
        "json_schema_extra": {
            "example": {
                "topic": "学习党章第一章",
                "starts_at": "2026-12-10T15:00:00+08:00",
                "place": "甲站会议室",
                "materials": "《中国共产党章程》",
            }
        }
    }


class StudyAttendanceIn(Schema):
    person: Id
    status: Attendance.Status
    reason: Annotated[str, StringConstraints(max_length=200)] = ""


class StudyRecordIn(Schema):
    attendance: list[StudyAttendanceIn] = Field(
        [], max_length=500, description="Members not listed are recorded as absent"
    )
    summary: Annotated[str, StringConstraints(min_length=1, max_length=2000)]

    model_config = {
        "json_schema_extra": {
            "example": {
                "attendance": [
                    {"person": 5, "status": "present"},
                    {"person": 6, "status": "excused", "reason": "值班"},
                ],
                "summary": "学习了党章第一章，大家交流了体会。",
            }
        }
    }


def _session_out(s: StudySession) -> dict:
    return {
        "id": s.pk,
        "unit": s.unit.name,
        "topic": s.topic,
        "starts_at": s.starts_at,
        "place": s.place,
        "materials": s.materials,
        "state": s.state,
        "summary": s.summary,
        "attendance": [
            {"person": a.person_id, "name": a.person.name, "status": a.status, "reason": a.reason}
            for a in queries.attendance_listed(s)
        ],
    }


def _session(request, pk) -> StudySession:
    return access.access_session(request.user, pk)


@router.get(
    "/units/{unit_id}/sessions",
    response=list[StudySessionOut],
    summary="A unit's study sessions",
)
def list_sessions(request, unit_id: Id):
    unit = access.access_unit(request.user, unit_id)
    return [_session_out(s) for s in queries.sessions_with_attendance(unit)[:200]]


@router.post(
    "/units/{unit_id}/sessions",
    response={201: StudySessionOut},
    summary="Plan a study session (the unit's party secretary)",
)
def plan_session(request, unit_id: Id, payload: StudySessionIn):
    unit = access.access_unit(request.user, unit_id)
    if not access.is_secretary_of(request.user, unit):
        raise PermissionDenied
    session = actions.session_plan(unit=unit, actor=Actor.user(request.user), **payload.dict())
    return Status(201, _session_out(_session(request, session.pk)))


@router.get("/sessions/{pk}", response=StudySessionOut, summary="One study session with attendance")
def get_session(request, pk: Id):
    return _session_out(_session(request, pk))


@router.post(
    "/sessions/{pk}/record",
    response=StudySessionOut,
    summary="Record who came and a summary (the unit's party secretary)",
    description="Present, excused (with a reason) or absent for each member of the unit; "
    "members not listed are absent. Recording again replaces the attendance.",
)
def record_session(request, pk: Id, payload: StudyRecordIn):
    session = _session(request, pk)
    if not access.is_secretary_of(request.user, session.unit):
        raise PermissionDenied
    members = {p.pk for p in queries.session_members(session)}
    given = {a.person: (str(a.status), a.reason) for a in payload.attendance}
    if set(given) - members:
        check_choices(attendance=None)
    absent = (str(Attendance.Status.ABSENT), "")
    attendance: dict[int, tuple[str, str]] = {pk: given.get(pk, absent) for pk in members}
    actions.session_record(
        session=session,
        attendance=attendance,
        summary=payload.summary,
        actor=Actor.user(request.user),
    )
    return _session_out(_session(request, pk))


class ReceiptOut(Schema):
    unit_id: int
    unit: str
    confirmed_at: datetime | None


class GuidanceOut(Schema):
    id: int
    doc_no: str
    title: str
    body: str
    issued_by: str
    issued_at: datetime
    receipts: list[ReceiptOut]


class GuidanceIn(Schema):
    doc_no: Annotated[str, StringConstraints(max_length=50)] = ""
    title: Text100
    body: Annotated[str, StringConstraints(min_length=1, max_length=20000)]
    units: list[Id] = Field(..., min_length=1, max_length=500, description="The stations")

    model_config = {
        "json_schema_extra": {
            "example": {
                "doc_no": "党建办〔2026〕12号",
                "title": "关于开展十二月主题党日活动的通知",
                "body": "各站党支部：请于12月15日前开展主题党日活动……",
                "units": [3, 4],
            }
        }
    }


def _guidance(request, pk) -> tuple[Guidance, list]:
    """The guidance and the receipts the user sees: the office all, others their units'."""
    guidance, _office, receipts = access.access_guidance(request.user, pk)
    return guidance, receipts


def _guidance_out(g: Guidance, receipts) -> dict:
    return {
        "id": g.pk,
        "doc_no": g.doc_no,
        "title": g.title,
        "body": g.body,
        "issued_by": g.issued_by.name,
        "issued_at": g.issued_at,
        "receipts": [
            {"unit_id": r.unit_id, "unit": r.unit.name, "confirmed_at": r.confirmed_at}
            for r in receipts
        ],
    }


class GuidanceRow(Schema):
    id: int
    doc_no: str
    title: str
    issued_at: datetime
    sent: int
    confirmed: int


@router.get(
    "/guidance",
    response=list[GuidanceRow],
    summary="Guidance you see",
    description="The office sees all the organisation's guidance; others that sent to their "
    "units, with how many stations have confirmed receipt.",
)
def list_guidance(request):
    root = home_root_or_404(request.user)
    office = access.is_office(request.user, root)
    units = None if office else list(access.visible_units(request.user, root))
    return [
        {
            "id": g.pk,
            "doc_no": g.doc_no,
            "title": g.title,
            "issued_at": g.issued_at,
            "sent": g.sent,
            "confirmed": g.confirmed,
        }
        for g in queries.guidance_list(root, units)[:200]
    ]


@router.get("/guidance/{pk}", response=GuidanceOut, summary="One guidance with its receipts")
def get_guidance(request, pk: Id):
    return _guidance_out(*_guidance(request, pk))


@router.post(
    "/guidance",
    response={201: GuidanceOut},
    summary="Issue guidance to stations (the party-building office)",
    description="The stations' secretaries are told and each confirms receipt.",
)
def issue_guidance(request, payload: GuidanceIn):
    root = home_root_or_404(request.user)
    if not access.is_office(request.user, root):
        raise PermissionDenied
    units = list(by_pk(queries.active_stations(root), payload.units).values())
    if len(units) != len(set(payload.units)):
        check_choices(units=None)
    d = payload.dict()
    d["units"] = units
    guidance = actions.guidance_issue(root=root, actor=Actor.user(request.user), **d)
    return Status(201, _guidance_out(*_guidance(request, guidance.pk)))

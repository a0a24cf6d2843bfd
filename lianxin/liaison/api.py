"""/api/v1/liaison/: contact work through the same actions as the pages.

- diary entries (民情日记): a cadre records his visits; his leaders read and check them and
  he turns a need into a case;
- stationed stints (驻村/蹲点): planned by the organisation's administrators, days spent
  reported by the cadre or his leaders;
- research visits and symposiums (调研/座谈) of the organ at a station, each problem raised
  becoming a problem case of the office responsible.

Whose diary one reads is decided by `access.py`: anyone else gets 404.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Field, Router, Schema, Status
from pydantic import StringConstraints

from lianxin.cases.queries import active_category, category_of
from lianxin.core.actor import Actor
from lianxin.core.params import Id, check_choices
from lianxin.org.access import home_root_or_404, person_of
from lianxin.org.models import Unit
from lianxin.org.queries import person_under

from . import access, actions, queries
from .models import ResearchVisit, Stint

router = Router(tags=["liaison"])


class NeedOut(Schema):
    id: int
    text: str
    case: str | None
    case_status: str | None


class VisitOut(Schema):
    id: int
    person: str
    place: str
    kind: str
    day: date
    met: str
    said: str
    signature: str
    checked: bool
    needs: list[NeedOut]


class VisitIn(Schema):
    place: Id
    kind: str = "visit"
    day: date
    met: str
    said: str
    needs: list[str] = []
    signature: str = ""

    model_config = {
        "json_schema_extra": {
            "example": {
                "place": 4,
                "kind": "visit",
                "day": "2026-11-18",
                "met": "青山村李大爷",
                "said": "村口涵洞堵了，下雨积水。",
                "needs": ["疏通村口涵洞"],
            }
        }
    }


def _out(v) -> dict:
    return {
        "id": v.pk,
        "person": v.person.name,
        "place": v.place.name,
        "kind": v.kind,
        "day": v.day,
        "met": v.met,
        "said": v.said,
        "signature": v.signature,
        "checked": v.reviewed_at is not None,
        "needs": [
            {
                "id": n.id,
                "text": n.text,
                "case": n.case.code if n.case is not None else None,
                "case_status": n.case.status if n.case is not None else None,
            }
            for n in queries.needs_listed(v)
        ],
    }


@router.get("/visits", response=list[VisitOut], summary="My diary entries")
def my_visits(request, month: date | None = None):
    me = person_of(request.user)
    if me is None:
        return []
    return [
        _out(v) for v in queries.diary([me], month=month.replace(day=1) if month else None)[:200]
    ]


@router.get("/visits/{pk}", response=VisitOut, summary="One diary entry")
def visit(request, pk: int):
    return _out(access.access_visit(request.user, pk))


@router.post("/visits", response={201: VisitOut}, summary="Record a visit")
def record(request, payload: VisitIn):
    place = queries.place_by_pk(payload.place)
    if place is None:
        raise Http404
    v = actions.visit_record(
        place=place,
        kind=payload.kind,
        day=payload.day,
        met=payload.met,
        said=payload.said,
        needs=payload.needs,
        signature=payload.signature,
        actor=request.user,
    )
    return Status(201, _out(access.access_visit(request.user, v.pk)))


Text200 = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Text300 = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Text500 = Annotated[str, StringConstraints(min_length=1, max_length=500)]


def _root(request) -> Unit:
    return home_root_or_404(request.user)


class DiaryCheckIn(Schema):
    comment: Annotated[str, StringConstraints(max_length=1000)] = ""

    model_config = {"json_schema_extra": {"example": {"comment": "记录具体，诉求已转办。"}}}


@router.post(
    "/visits/{pk}/review",
    response=VisitOut,
    summary="Check a diary entry (leaders)",
    description="A leader of the cadre's unit or above checks the entry (定期检查); the cadre "
    "himself may not (403).",
)
def review_visit(request, pk: Id, payload: DiaryCheckIn):
    visit = access.access_visit(request.user, pk)
    actions.visit_review(visit=visit, comment=payload.comment, actor=Actor.user(request.user))
    return _out(access.access_visit(request.user, pk))


class NeedCaseIn(Schema):
    category: Id = Field(..., description="The case category (of your organisation)")

    model_config = {"json_schema_extra": {"example": {"category": 3}}}


class NeedCaseOut(Schema):
    need: int
    case: str


@router.post(
    "/needs/{pk}/case",
    response={201: NeedCaseOut},
    summary="Turn a need into a case",
    description="The cadre who recorded the visit registers one of its needs as a case "
    "(channel: visit), once.",
)
def need_case(request, pk: Id, payload: NeedCaseIn):
    need = access.access_need(request.user, pk)
    category = category_of(_root(request), payload.category)
    check_choices(category=category)
    assert category is not None  # check_choices refused it otherwise
    case = actions.need_to_case(need=need, category=category, actor=Actor.user(request.user))
    return Status(201, {"need": need.pk, "case": case.code})


class StintOut(Schema):
    id: int
    person: int
    person_name: str
    place: int
    place_name: str
    starts_on: date
    ends_on: date
    days_spent: int


class StintIn(Schema):
    person: Id = Field(..., description="The cadre")
    place: Id = Field(..., description="The place (village, school...) of his unit")
    starts_on: date
    ends_on: date

    model_config = {
        "json_schema_extra": {
            "example": {"person": 5, "place": 2, "starts_on": "2026-12-01", "ends_on": "2026-12-31"}
        }
    }


class StintDaysIn(Schema):
    days: int = Field(..., ge=0, le=366, description="Days spent at the place so far")

    model_config = {"json_schema_extra": {"example": {"days": 12}}}


def _stint_out(s: Stint) -> dict:
    return {
        "id": s.pk,
        "person": s.person_id,
        "person_name": s.person.name,
        "place": s.place_id,
        "place_name": s.place.name,
        "starts_on": s.starts_on,
        "ends_on": s.ends_on,
        "days_spent": s.days_spent,
    }


def _stint(request, pk) -> Stint:
    return access.access_stint(request.user, _root(request), pk)


@router.get(
    "/stints",
    response=list[StintOut],
    summary="Stationed stints (驻村) of the cadres you lead",
    description="Your own stints and those of the cadres whose diaries you read.",
)
def list_stints(request):
    return [
        _stint_out(s) for s in queries.stint_list(access.people_under(request.user, _root(request)))
    ]


@router.post(
    "/stints",
    response={201: StintOut},
    summary="Plan a stationed stint (administrators)",
    description="A cadre is sent to work at a place of his unit from one day to another.",
)
def plan_stint(request, payload: StintIn):
    root = _root(request)
    d = payload.dict()
    person = person_under(root, d["person"], active=True)
    place = queries.place_of(root, d["place"])
    check_choices(person=person, place=place)
    d.update(person=person, place=place)
    stint = actions.stint_plan(actor=Actor.user(request.user), **d)
    return Status(201, _stint_out(_stint(request, stint.pk)))


@router.post(
    "/stints/{pk}/days",
    response=StintOut,
    summary="Report the days spent on a stint",
    description="The cadre himself or a leader who reads his diary; no more days than the "
    "stint lasts (400).",
)
def stint_days(request, pk: Id, payload: StintDaysIn):
    stint = _stint(request, pk)
    actions.stint_days(stint=stint, days=payload.days, actor=Actor.user(request.user))
    return _stint_out(_stint(request, pk))


class ProblemIn(Schema):
    text: Text500
    office: Id | None = Field(
        None, description="The office responsible (not a station); none: the organ itself"
    )


class ProblemOut(Schema):
    text: str
    office: str
    case: str | None


class ResearchIn(Schema):
    station: Id
    kind: ResearchVisit.Kind
    day: date
    team: Text200 = Field(..., description="Who went")
    attendees: Text300 = Field(..., description="Who attended")
    summary: Annotated[str, StringConstraints(max_length=10000)] = ""
    problems: list[ProblemIn] = Field([], max_length=20)
    category: Id | None = Field(None, description="The category of the problem cases")

    model_config = {
        "json_schema_extra": {
            "example": {
                "station": 3,
                "kind": "symposium",
                "day": "2026-11-12",
                "team": "张局长、办公室李主任",
                "attendees": "甲站全体职工",
                "summary": "座谈基层困难。",
                "problems": [{"text": "值班宿舍漏雨", "office": 2}],
                "category": 5,
            }
        }
    }


class ResearchOut(Schema):
    id: int
    station: str
    kind: str
    day: date
    team: str
    attendees: str
    summary: str
    problems: list[ProblemOut]


def _research_out(v: ResearchVisit) -> dict:
    return {
        "id": v.pk,
        "station": v.station.name,
        "kind": v.kind,
        "day": v.day,
        "team": v.team,
        "attendees": v.attendees,
        "summary": v.summary,
        "problems": [
            {
                "text": p.text,
                "office": p.office.name,
                "case": p.case.code if p.case is not None else None,
            }
            for p in queries.problems_of(v)
        ],
    }


def _research(request, pk) -> ResearchVisit:
    return access.access_research(request.user, _root(request), pk)


@router.get(
    "/research",
    response=list[ResearchOut],
    summary="Research visits and symposiums you see",
    description="The organ's staff see all of them; a station sees those held with it.",
)
def list_research(request):
    rows = access.research_seen(request.user, _root(request), limit=200)
    return [_research_out(v) for v in rows]


@router.get("/research/{pk}", response=ResearchOut, summary="One research visit")
def get_research(request, pk: Id):
    return _research_out(_research(request, pk))


@router.post(
    "/research",
    response={201: ResearchOut},
    summary="Record a research visit or symposium (organ staff)",
    description="Each problem the station raised becomes an internal problem case dispatched "
    "to the office responsible; a category is needed when problems are listed.",
)
def record_research(request, payload: ResearchIn):
    root = _root(request)
    if not access.is_organ_staff(request.user, root):
        raise PermissionDenied
    d = payload.dict()
    station = queries.station_of(root, d["station"])
    found: dict[str, object] = {"station": station}
    category = None
    if d["category"] is not None:
        category = active_category(root.pk, d["category"])
        found["category"] = category
    problems: list[tuple[str, Unit]] = []
    for p in d.pop("problems"):
        office = queries.office_of(root, p["office"]) if p["office"] else root
        if office is None:
            found["problems.office"] = None
            continue
        problems.append((p["text"], office))
    check_choices(**found)
    d.update(station=station, category=category)
    v = actions.research_record(actor=Actor.user(request.user), problems=problems, **d)
    return Status(201, _research_out(_research(request, v.pk)))

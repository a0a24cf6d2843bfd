"""/api/v1/liaison/: a cadre's diary entries, so that a mobile app can record visits."""

from __future__ import annotations

from datetime import date

from ninja import Router, Schema, Status

from lianxin.core.params import Id
from lianxin.org.access import person_of

from . import access, actions, queries
from .models import Place

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
                "case": n.case.code if n.case_id else None,
                "case_status": n.case.status if n.case_id else None,
            }
            for n in v.needs.all()
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


@router.get("/visits/{pk}", response=VisitOut)
def visit(request, pk: int):
    return _out(access.access_visit(request.user, pk))


@router.post("/visits", response={201: VisitOut}, summary="Record a visit")
def record(request, payload: VisitIn):
    from django.http import Http404

    place = Place.objects.filter(pk=payload.place).select_related("unit").first()
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

"""/api/v1/contact-points/: leading cadres' contact points (联系点). Read by those who read
the cadres' diaries (liaison.access.people_under); assigned by the organisation's
administrators (others 403); people and places of another organisation are never reached
(422 for their ids, every unknown id at once)."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from lianxin.core.errors import ApplicationError, InputErrors
from lianxin.core.params import Id
from lianxin.org.access import home_root_or_404
from lianxin.org.queries import person_under

from . import access, actions, queries

router = Router(tags=["liaison"])


class ContactPointOut(Schema):
    id: int
    person: int
    person_name: str
    place: int
    place_name: str
    visits_per_month: int
    exchange_days_per_quarter: int
    review_on: date | None


class ContactPointIn(Schema):
    person: Id
    place: Id
    visits_per_month: int = Field(1, ge=1, le=31)
    exchange_days_per_quarter: int = Field(1, ge=0, le=92)
    review_on: date | None = None

    model_config = {
        "json_schema_extra": {
            "example": {"person": 5, "place": 2, "visits_per_month": 2, "review_on": "2026-12-31"}
        }
    }


def _root(request):
    return home_root_or_404(request.user)


def _out(p) -> dict:
    return {
        "id": p.pk,
        "person": p.person_id,
        "person_name": p.person.name,
        "place": p.place_id,
        "place_name": p.place.name,
        "visits_per_month": p.visits_per_month,
        "exchange_days_per_quarter": p.exchange_days_per_quarter,
        "review_on": p.review_on,
    }


@router.get("/", response=list[ContactPointOut], summary="Contact points of the cadres you lead")
def list_points(request):
    root = _root(request)
    return [_out(p) for p in queries.contact_points_of(access.people_under(request.user, root))]


@router.post("/", response={201: ContactPointOut}, summary="Assign a contact point (admins)")
def assign_point(request, payload: ContactPointIn):
    root = _root(request)
    d = payload.dict()
    person = person_under(root, d["person"])
    place = queries.place_of(root, d["place"])
    missing = [f for f, obj in (("person", person), ("place", place)) if obj is None]
    if missing:
        raise InputErrors(
            [
                ApplicationError(
                    _("Select a valid choice. That choice is not one of the available choices."),
                    field=f,
                    code="invalid_choice",
                )
                for f in missing
            ]
        )
    d.update(person=person, place=place)
    point = actions.contact_point_assign(actor=request.user, **d)
    return Status(201, _out(point))

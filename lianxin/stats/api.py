"""/api/v1/scorecards/{month}: a month's scorecards of the caller's organisation, the units
and leaders he may see (as on the pages). Rates are fractions 0..1, null when the
denominator is 0; the composite is the weighted score 0..100 (null when no rate has a
denominator); `frozen_at` is null for a month not frozen yet (live figures).

`/{month}/units/{unit_id}`: one unit's card, its trend over the frozen months up to this one,
and the comments of the level above, which that level writes here too."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import StringConstraints

from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError
from lianxin.core.months import parse
from lianxin.core.params import Id
from lianxin.org.queries import organisation_of

from . import access, actions, queries

router = Router(tags=["scorecards"])


class Ref(Schema):
    id: int
    name: str


class Figure(Schema):
    num: int
    den: int
    rate: float | None


class UnitCard(Schema):
    unit: Ref
    leader: str | None
    received: int
    response: Figure
    on_time: Figure
    resolution: Figure
    satisfaction: Figure
    composite: float | None


class LeaderCard(UnitCard):
    person: Ref
    role: str


class Weights(Schema):
    response: float
    resolution: float
    satisfaction: float


class MonthCard(Schema):
    month: str
    frozen_at: datetime | None
    weights: Weights
    units: list[UnitCard]
    leaders: list[LeaderCard]


def _unit(row: dict) -> dict:
    return {
        "unit": {"id": row["unit"]["id"], "name": row["unit"]["name"]},
        "leader": row.get("leader"),
        "received": row["received"],
        **{k: row[k] for k in ("response", "on_time", "resolution", "satisfaction")},
        "composite": row["composite"],
    }


@router.get(
    "/{month}",
    response=MonthCard,
    summary="A month's scorecards (YYYY-MM) of the units and leaders you may see",
)
def month_scorecards(request, month: str):
    first = parse(month)
    if first is None:
        raise ApplicationError(_("Give the month as YYYY-MM, e.g. 2026-11."), field="month")
    root = access.root_for(request.user)
    card = queries.scorecard(root, first)
    visible = access.visible_unit_ids(request.user, root)
    rows = [card.organisation, *card.units]
    return {
        "month": first.strftime("%Y-%m"),
        "frozen_at": card.frozen_at,
        "weights": card.data["weights"],
        "units": [_unit(r) for r in rows if r["unit"]["id"] in visible],
        "leaders": [
            {
                **_unit(r),
                "leader": r["person"]["name"],
                "person": r["person"],
                "role": r["role"],
            }
            for r in card.leaders
            if r["unit"]["id"] in visible
        ],
    }


class TrendPoint(Schema):
    month: str
    composite: float | None
    response: float | None
    on_time: float | None
    resolution: float | None
    satisfaction: float | None


class MonthCommentOut(Schema):
    author: str
    author_unit: str
    at: datetime
    text: str


class UnitMonth(Schema):
    month: str
    frozen_at: datetime | None
    card: UnitCard
    trend: list[TrendPoint]
    comments: list[MonthCommentOut]
    may_comment: bool


class MonthCommentIn(Schema):
    text: Annotated[str, StringConstraints(min_length=1, max_length=2000)]

    model_config = {
        "json_schema_extra": {"example": {"text": "本月按时答复率偏低，请分析原因并整改。"}}
    }


def _first(month: str):
    first = parse(month)
    if first is None:
        raise ApplicationError(_("Give the month as YYYY-MM, e.g. 2026-11."), field="month")
    return first


def _unit_month(request, unit_id, month: str) -> dict:
    first = _first(month)
    unit = access.access_unit(request.user, unit_id)
    root = organisation_of(unit)
    card = queries.scorecard(root, first)
    row = card.row(unit.pk)
    if row is None:
        raise Http404
    return {
        "month": first.strftime("%Y-%m"),
        "frozen_at": card.frozen_at,
        "card": _unit(row),
        "trend": [
            {k: t.get(k) for k in TrendPoint.model_fields}
            for t in queries.trend(root, unit.pk, first)
        ],
        "comments": [
            {
                "author": c.author.name,
                "author_unit": c.author.unit.name,
                "at": c.created_at,
                "text": c.text,
            }
            for c in queries.comments(unit, first)
        ],  # fmt: skip
        "may_comment": access.comments_on(request.user, unit),
    }


@router.get(
    "/{month}/units/{unit_id}",
    response=UnitMonth,
    summary="One unit's month: its card, trend and the comments of the level above",
)
def unit_month(request, month: str, unit_id: Id):
    return _unit_month(request, unit_id, month)


@router.post(
    "/{month}/units/{unit_id}/comments",
    response={201: UnitMonth},
    summary="Comment on a unit's month (the level above)",
    description="Written by someone governing a unit above this one (上级点评); others 403.",
)
def comment(request, month: str, unit_id: Id, payload: MonthCommentIn):
    first = _first(month)
    unit = access.access_unit(request.user, unit_id)
    actions.month_comment(unit=unit, month=first, text=payload.text, actor=Actor.user(request.user))
    return Status(201, _unit_month(request, unit_id, month))

"""/api/v1/scorecards/{month}: a month's scorecards of the caller's organisation, the units
and leaders he may see (as on the pages). Rates are fractions 0..1, null when the
denominator is 0; the composite is the weighted score 0..100 (null when no rate has a
denominator); `frozen_at` is null for a month not frozen yet (live figures)."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Router, Schema

from lianxin.core.errors import ApplicationError
from lianxin.core.months import parse

from . import access, queries

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
    from lianxin.org.models import Unit

    units = Unit.objects.filter(path__startswith=root.path).only("pk", "path")
    visible = {u.pk for u in units if access.sees(request.user, u)}
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

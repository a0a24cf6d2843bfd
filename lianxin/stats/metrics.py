"""The metric definitions (DESIGN.md "Metrics"), per unit and per responsible leader, per
calendar month, read from the facts the case actions recorded when they happened.

A case counts in a unit's month by the step that month saw:
- received, response rate: cases dispatched to the unit in the month (the last dispatch);
  response = accepted within the accept limit / dispatched (merged and withdrawn left out);
- on-time rate: cases first replied in the month; replied within the limit in force then
  (after approved extensions) / replied;
- resolution and satisfaction rates: cases rated in the month; solved / rated and
  5 or 4 / rated, 3 shown apart; ratings excluded after an upheld appeal are left out;
- returns (退单): returns the unit made in the month, from the timeline;
- extensions approved, reminders, supervisions, reopened: on the cases dispatched in the month;
- overdue: cases open past their reply deadline at the time of computing.
The composite is the weighted sum of the three rates (response, resolution, satisfaction)
with the weights of LIANXIN_SCORE_WEIGHTS, over the rates that have a denominator, 0..100.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.conf import settings
from django.db.models import Count, Q, Sum

from lianxin.cases.models import Case, CaseEvent, Status
from lianxin.core import clock
from lianxin.core.months import time_range
from lianxin.org.models import Role, RoleGrant, Unit

from . import registry

RATES = ("response", "on_time", "resolution", "satisfaction")
COMPOSITE_RATES = ("response", "resolution", "satisfaction")
COUNTS = ("returns", "extensions", "reminders", "supervisions", "reopened", "overdue")
LEFT_OUT = [Status.MERGED, Status.WITHDRAWN]
LEADER_ROLES = (Role.LEADER, Role.SECRETARY)


def weights() -> dict[str, float]:
    raw = getattr(settings, "LIANXIN_SCORE_WEIGHTS", (30, 35, 35))
    if isinstance(raw, dict):
        return {k: float(raw.get(k, 0)) for k in COMPOSITE_RATES}
    return dict(zip(COMPOSITE_RATES, (float(w) for w in raw), strict=True))


def figure(num: int, den: int | None) -> dict:
    """{"num", "den", "rate"}: rate a fraction 0..1, None when the denominator is 0."""
    if den is None:
        return {"num": num, "den": None, "rate": None}
    return {"num": num, "den": den, "rate": round(num / den, 4) if den else None}


def composite(row: dict, w: dict[str, float]) -> float | None:
    parts = [(w[k], row[k]["rate"]) for k in COMPOSITE_RATES if row[k]["rate"] is not None]
    total = sum(weight for weight, _ in parts)
    if not total:
        return None
    return round(sum(weight * rate for weight, rate in parts) / total * 100, 2)


def _by_unit(qs, **aggregates) -> dict[int, dict]:
    return {r.pop("lead_unit"): r for r in qs.values("lead_unit").annotate(**aggregates)}


def case_figures(root: Unit, month: date) -> dict[int, dict]:
    """Per lead unit id: the case figures of the month (five queries)."""
    start, end = time_range(month)
    cases = Case.objects.filter(root=root, lead_unit__isnull=False)
    kept = ~Q(status__in=LEFT_OUT)
    dispatched = _by_unit(
        cases.filter(dispatched_at__gte=start, dispatched_at__lt=end),
        received=Count("id"),
        resp_den=Count("id", filter=kept),
        resp_num=Count("id", filter=kept & Q(accepted_in_time=True)),
        extensions=Sum("extension_count"),
        reminders=Sum("reminder_count"),
        supervisions=Sum("supervision_count"),
        reopened=Count("id", filter=Q(reopen_count__gt=0)),
    )
    replied = _by_unit(
        cases.filter(first_replied_at__gte=start, first_replied_at__lt=end),
        den=Count("id"),
        num=Count("id", filter=Q(replied_in_time=True)),
    )
    counted = Q(rating_excluded=False)
    rated = _by_unit(
        cases.filter(rated_at__gte=start, rated_at__lt=end, rating__isnull=False),
        den=Count("id", filter=counted),
        solved=Count("id", filter=counted & Q(solved=True)),
        satisfied=Count("id", filter=counted & Q(rating__gte=4)),
        fair=Count("id", filter=counted & Q(rating=3)),
        excluded=Count("id", filter=Q(rating_excluded=True)),
    )
    returns: Counter = Counter(
        (data or {}).get("unit")
        for data in CaseEvent.objects.filter(
            case__root=root, action="return", at__gte=start, at__lt=end
        ).values_list("data", flat=True)
    )
    overdue = _by_unit(
        cases.filter(
            status__in=[Status.DISPATCHED, Status.IN_PROGRESS],
            reply_due__lt=clock.now(),
            paused_at__isnull=True,
        ),
        n=Count("id"),
    )
    out = {}
    for uid in set(dispatched) | set(replied) | set(rated) | set(returns) | set(overdue):
        d, r, t = dispatched.get(uid, {}), replied.get(uid, {}), rated.get(uid, {})
        out[uid] = {
            "received": d.get("received", 0),
            "response": figure(d.get("resp_num", 0), d.get("resp_den", 0)),
            "on_time": figure(r.get("num", 0), r.get("den", 0)),
            "resolution": figure(t.get("solved", 0), t.get("den", 0)),
            "satisfaction": figure(t.get("satisfied", 0), t.get("den", 0)),
            "fair": t.get("fair", 0),
            "excluded": t.get("excluded", 0),
            "returns": returns.get(uid, 0),
            "extensions": d.get("extensions") or 0,
            "reminders": d.get("reminders") or 0,
            "supervisions": d.get("supervisions") or 0,
            "reopened": d.get("reopened", 0),
            "overdue": overdue.get(uid, {}).get("n", 0),
        }
    return out


def _empty() -> dict:
    return {
        "received": 0,
        **{k: figure(0, 0) for k in RATES},
        "fair": 0,
        "excluded": 0,
        **{k: 0 for k in COUNTS},
    }


def _sum(rows: list[dict]) -> dict:
    total = _empty()
    for row in rows:
        for k in ("received", "fair", "excluded", *COUNTS):
            total[k] += row[k]
        for k in RATES:
            total[k] = figure(total[k]["num"] + row[k]["num"], total[k]["den"] + row[k]["den"])
    return total


def _component_figures(root: Unit, month: date) -> list[tuple[registry.Component, dict]]:
    return [(c, c.compute(root, month)) for c in registry.components()]


def _component_cell(value) -> dict:
    if value is None:
        return figure(0, 0)
    num, den = value
    return figure(num, den)


def compute(root: Unit, month: date, *, components: bool = True) -> dict:
    """The whole organisation's scorecards of a month: {"weights", "organisation", "units",
    "leaders"}, JSON-ready. Units are the organisation's active units below the root; the
    organisation's row is their sum. `components=False` leaves out the apps' components
    (the organ leader's home shows the cases only)."""
    w = weights()
    units = list(
        Unit.objects.filter(path__startswith=root.path, is_active=True)
        .exclude(pk=root.pk)
        .order_by("path")
    )
    cases = case_figures(root, month)
    comps = _component_figures(root, month) if components else []
    grants = list(
        RoleGrant.objects.filter(
            unit__path__startswith=root.path, role__in=LEADER_ROLES, person__is_active=True
        )
        .select_related("person")
        .order_by("unit__path", "role", "person__name")
    )
    heads: dict[tuple[int, str], str] = {}
    for g in grants:
        heads.setdefault((g.unit_id, g.role), g.person.name)

    def components_of(unit_id: int, person_id: int | None = None) -> dict:
        cells = {}
        for c, values in comps:
            value = values.get("units", {}).get(unit_id)
            if person_id is not None and person_id in values.get("people", {}):
                value = values["people"][person_id]
            cells[c.key] = _component_cell(value) if value is not None else None
        return cells

    rows = []
    for unit in units:
        row = {
            "unit": {"id": unit.pk, "name": unit.name, "kind": unit.kind},
            "leader": heads.get((unit.pk, Role.LEADER)),
            "secretary": heads.get((unit.pk, Role.SECRETARY)),
            **cases.get(unit.pk, _empty()),
        }
        row["composite"] = composite(row, w)
        row["components"] = components_of(unit.pk)
        rows.append(row)
    organisation = {
        "unit": {"id": root.pk, "name": root.name, "kind": root.kind},
        "leader": heads.get((root.pk, Role.LEADER)),
        "secretary": heads.get((root.pk, Role.SECRETARY)),
        **_sum([{**_empty(), **cases.get(root.pk, {})}, *rows]),
    }
    organisation["composite"] = composite(organisation, w)
    organisation["components"] = components_of(root.pk)
    by_unit = {r["unit"]["id"]: r for r in [organisation, *rows]}
    leaders = []
    for g in grants:
        unit_row = by_unit.get(g.unit_id)
        if unit_row is None:
            continue
        leaders.append(
            {
                "person": {"id": g.person_id, "name": g.person.name},
                "role": g.role,
                **{k: v for k, v in unit_row.items() if k not in ("components",)},
                "components": components_of(g.unit_id, g.person_id),
            }
        )
    return {
        "weights": {k: w[k] for k in COMPOSITE_RATES},
        "categories": categories(root, month),
        "components": [{"key": c.key, "label": str(c.label)} for c, _ in comps],
        "organisation": organisation,
        "units": rows,
        "leaders": leaders,
    }


def categories(root: Unit, month: date) -> list[dict]:
    """Cases received in the month by category (internal problems left out), for the public
    figures: [{"name", "received"}], most first (one query)."""
    from lianxin.cases.models import Kind

    start, end = time_range(month)
    rows = (
        Case.objects.filter(root=root, received_at__gte=start, received_at__lt=end)
        .exclude(kind=Kind.PROBLEM)
        .values("category__name")
        .annotate(n=Count("id"))
        .order_by("-n", "category__name")
    )
    return [{"name": r["category__name"], "received": r["n"]} for r in rows]

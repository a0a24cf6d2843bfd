"""Reading scorecards: the frozen snapshot of a month (or the live figures of a month not
frozen yet), rankings, trends, and the records behind every figure."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lianxin.cases.models import Case, Status
from lianxin.core import clock
from lianxin.core.months import first_of, previous_month, recent, time_range
from lianxin.org.models import Unit

from . import metrics
from .models import MonthComment, Snapshot

RANK_KEYS = ("composite", *metrics.RATES)


class Scorecard:
    """A month's scorecards: frozen (`snapshot` set) or live (computed now)."""

    def __init__(self, root: Unit, month: date, snapshot: Snapshot | None, data: dict):
        self.root, self.month, self.snapshot, self.data = root, month, snapshot, data

    @property
    def frozen(self) -> bool:
        return self.snapshot is not None

    @property
    def frozen_at(self) -> datetime | None:
        return self.snapshot.computed_at if self.snapshot is not None else None

    @property
    def units(self) -> list[dict]:
        return self.data["units"]

    @property
    def organisation(self) -> dict:
        return self.data["organisation"]

    @property
    def leaders(self) -> list[dict]:
        return self.data["leaders"]

    def row(self, unit_id: int) -> dict | None:
        if unit_id == self.organisation["unit"]["id"]:
            return self.organisation
        return next((r for r in self.units if r["unit"]["id"] == unit_id), None)


def default_month() -> date:
    return previous_month(first_of(timezone.localdate(clock.now())))


def scorecard(root: Unit, month: date, *, components: bool = True) -> Scorecard:
    snapshot = Snapshot.objects.filter(root=root, month=month, is_current=True).first()
    if snapshot is not None:
        return Scorecard(root, month, snapshot, snapshot.data)
    return Scorecard(root, month, None, metrics.compute(root, month, components=components))


def history(root: Unit, month: date) -> list[Snapshot]:
    """Every snapshot of the month, newest first (recomputed ones keep the old)."""
    return list(
        Snapshot.objects.filter(root=root, month=month)
        .select_related("computed_by")
        .order_by("-computed_at")
    )


def _value(row: dict, key: str):
    if key == "composite":
        return row["composite"]
    if key in metrics.RATES:
        return row[key]["rate"]
    cell = row["components"].get(key)
    return cell["rate"] if cell and cell["den"] is not None else (cell or {}).get("num")


def ranked(rows: list[dict], key: str = "composite", *, higher_is_better=True) -> list[dict]:
    """Rows by `key`, best first; rows without a figure last. Each gets its `rank`."""
    with_value = [r for r in rows if _value(r, key) is not None]
    without = [r for r in rows if _value(r, key) is None]
    with_value.sort(key=lambda r: _value(r, key), reverse=higher_is_better)
    out, last, rank = [], None, 0
    for i, r in enumerate(with_value, start=1):
        v = _value(r, key)
        if v != last:
            rank, last = i, v
        out.append({**r, "rank": rank, "value": v})
    return out + [{**r, "rank": None, "value": None} for r in without]


def red_black(rows: list[dict], n: int = 3) -> tuple[list[dict], list[dict]]:
    """红榜 and 黑榜 of the month: the best and the worst by composite, stations first."""
    order = ranked([r for r in rows if r["received"]], "composite")
    scored = [r for r in order if r["rank"] is not None]
    n = min(n, len(scored) // 2)
    return scored[:n], list(reversed(scored[-n:])) if n else []


def trend(root: Unit, unit_id: int, month: date, n: int = 12) -> list[dict]:
    """The unit's figures over the n months up to `month`: frozen months from their
    snapshots (one query), the others computed now."""
    months = recent(month, n)
    frozen = {
        s.month: s.data
        for s in Snapshot.objects.filter(root=root, month__in=months, is_current=True)
    }
    out = []
    for m in months:
        data = frozen.get(m)
        if data is None:
            continue
        row = Scorecard(root, m, None, data).row(unit_id)
        if row is None:
            continue
        out.append(
            {
                "month": m.strftime("%Y-%m"),
                "composite": row["composite"],
                **{k: row[k]["rate"] for k in metrics.RATES},
            }
        )
    return out


def comments(unit: Unit, month: date):
    return MonthComment.objects.filter(unit=unit, month=month).select_related("author__unit")


# ------------------------------------------------------------------ drill-down

DRILL = {
    "received": _("Received (dispatched in the month)"),
    "response": _("Accepted within the limit"),
    "response_den": _("Dispatched"),
    "on_time": _("Replied within the limit"),
    "on_time_den": _("Replied"),
    "resolution": _("Rated solved"),
    "satisfaction": _("Rated 5 or 4"),
    "rated": _("Rated"),
    "fair": _("Rated 3 (fairly satisfied)"),
    "excluded": _("Left out of the rates, with the reason"),
    "returns": _("Returned"),
    "extensions": _("With approved extensions"),
    "reminders": _("Reminded"),
    "supervisions": _("Supervised"),
    "reopened": _("Reopened"),
    "overdue": _("Overdue now"),
    "supervised": _("Under supervision now"),
}


def records(root: Unit, unit: Unit, month: date, what: str) -> QuerySet[Case] | None:
    """The cases behind one figure of a unit's month, or None for an unknown figure. For
    the organisation's own row, the cases of every unit of the organisation."""
    start, end = time_range(month)
    cases = Case.objects.filter(root=root).select_related("lead_unit", "category", "handler")
    if unit.pk != root.pk:
        cases = cases.filter(lead_unit=unit)
    else:
        cases = cases.filter(lead_unit__isnull=False)
    dispatched = cases.filter(dispatched_at__gte=start, dispatched_at__lt=end)
    replied = cases.filter(first_replied_at__gte=start, first_replied_at__lt=end)
    rated = cases.filter(rated_at__gte=start, rated_at__lt=end, rating__isnull=False)
    counted = rated.filter(rating_excluded=False)
    kept = dispatched.exclude(status__in=metrics.LEFT_OUT)
    if what == "returns":
        ids = Case.objects.filter(
            root=root, events__action="return", events__at__gte=start, events__at__lt=end
        )
        if unit.pk != root.pk:
            ids = ids.filter(events__data__unit=unit.pk)
        return (
            Case.objects.filter(pk__in=ids.values("pk"))
            .select_related("lead_unit", "category", "handler")
            .order_by("-received_at")
        )
    table = {
        "received": dispatched,
        "response": kept.filter(accepted_in_time=True),
        "response_den": kept,
        "on_time": replied.filter(replied_in_time=True),
        "on_time_den": replied,
        "resolution": counted.filter(solved=True),
        "satisfaction": counted.filter(rating__gte=4),
        "rated": counted,
        "fair": counted.filter(rating=3),
        "excluded": rated.filter(rating_excluded=True)
        | dispatched.filter(status__in=metrics.LEFT_OUT),
        "extensions": dispatched.filter(extension_count__gt=0),
        "reminders": dispatched.filter(reminder_count__gt=0),
        "supervisions": dispatched.filter(supervision_count__gt=0),
        "reopened": dispatched.filter(reopen_count__gt=0),
        "overdue": cases.filter(
            status__in=[Status.DISPATCHED, Status.IN_PROGRESS],
            reply_due__lt=clock.now(),
            paused_at__isnull=True,
        ),
        "supervised": cases.filter(
            status__in=[Status.DISPATCHED, Status.IN_PROGRESS], supervision__gte=2
        ),
    }
    qs = table.get(what)
    return None if qs is None else qs.order_by("-received_at", "-id")


def exclusion_reason(case: Case) -> str:
    if case.status == Status.MERGED:
        return str(_("merged into another case"))
    if case.status == Status.WITHDRAWN:
        return str(_("withdrawn by the citizen"))
    if case.rating_excluded:
        return str(_("rating appeal upheld: %(reason)s") % {"reason": case.rating_excluded_reason})
    return ""


def overdue_by_unit(root: Unit) -> list[dict[str, Any]]:
    """Open cases past their deadline and cases under supervision, per lead unit (one
    query), for the organ leader's home."""
    from django.db.models import Count

    at = clock.now()
    rows = (
        Case.objects.filter(
            root=root, lead_unit__isnull=False, status__in=[Status.DISPATCHED, Status.IN_PROGRESS]
        )
        .values("lead_unit", "lead_unit__name")
        .annotate(
            overdue=Count("id", filter=Q(reply_due__lt=at, paused_at__isnull=True)),
            supervised=Count("id", filter=Q(supervision__gte=2)),
        )
        .order_by("-overdue", "lead_unit__name")
    )
    return [dict(r) for r in rows if r["overdue"] or r["supervised"]]


def awaiting_decision(root: Unit, limit: int = 20) -> tuple[dict, list]:
    """待审批: cases waiting for a decision above the unit - an extension asked, an unsatisfied
    rating to review, a rating appeal - with counts. Read from the small sets of pending
    requests (and a partial index for ratings under review), never a scan of all cases."""
    from lianxin.cases.models import Appeal, Extension

    # a case transferred to the discipline office leaves its leaders' sight, with whatever
    # was pending on it (cases.access.TRANSFERRED_SEEN)
    extension = set(
        Extension.objects.filter(case__root=root, state="pending")
        .exclude(case__status=Status.TRANSFERRED)
        .values_list("case_id", flat=True)
    )
    appeal = set(
        Appeal.objects.filter(case__root=root, state="pending")
        .exclude(case__status=Status.TRANSFERRED)
        .values_list("case_id", flat=True)
    )
    review = set(Case.objects.filter(root=root, review_pending=True).values_list("pk", flat=True))
    counts = {"extension": len(extension), "rating": len(review), "appeal": len(appeal)}
    rows = []
    cases = (
        Case.objects.filter(pk__in=extension | appeal | review)
        .select_related("lead_unit")
        .order_by("received_at")[:limit]
    )
    for case in cases:
        what = []
        if case.pk in extension:
            what.append(_("extension"))
        if case.pk in review:
            what.append(_("unsatisfied rating"))
        if case.pk in appeal:
            what.append(_("rating appeal"))
        rows.append((case, what))
    return counts, rows


def visible_records(user, root: Unit, unit: Unit, month: date, what: str) -> QuerySet[Case] | None:
    """The records behind a figure that the reader could open (the figure counts them all),
    or None for a figure that has no records."""
    from lianxin.cases.access import visible_filter

    qs = records(root, unit, month, what)
    return None if qs is None else qs.filter(visible_filter(user, root))


def visible_card(user, root: Unit, month: date, *, components: bool = True):
    """The organisation's card of the month and the rows (units, leaders) the user may see,
    with the ids of the units he sees."""
    from . import access

    card = scorecard(root, month, components=components)
    visible = access.visible_unit_ids(user, root)
    rows = [r for r in card.units if r["unit"]["id"] in visible]
    leaders = [r for r in card.leaders if r["unit"]["id"] in visible]
    return card, rows, leaders, visible

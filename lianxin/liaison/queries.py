"""Reads of contact work: diaries, unreviewed entries, the cadence of contact points."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from lianxin.core import clock
from lianxin.core.months import last_day

from .models import ContactPoint, Visit


def diary(people, *, month: date | None = None):
    qs = Visit.objects.filter(person__in=people).select_related("person", "place", "reviewed_by")
    if month:
        qs = qs.filter(day__gte=month, day__lte=last_day(month))
    return qs.prefetch_related("needs__case").order_by("-day", "-pk")


def unreviewed(people):
    """Entries older than a month that no leader has checked."""
    cutoff = timezone.localdate(clock.now()) - timedelta(days=30)
    return diary(people).filter(reviewed_at__isnull=True, day__lte=cutoff)


def cadence(people, month: date) -> list[dict]:
    """Per contact point of these people: visits asked this month, done, and the state
    (done, due, overdue once the month is over) - two queries."""
    points = list(
        ContactPoint.objects.filter(person__in=people, is_active=True)
        .select_related("person__unit", "place")
        .order_by("person__unit__path", "person__name")
    )
    done = {
        (r["person"], r["place"]): r["n"]
        for r in Visit.objects.filter(person__in=people, day__gte=month, day__lte=last_day(month))
        .values("person", "place")
        .annotate(n=Count("id"))
    }
    today = timezone.localdate(clock.now())
    rows = []
    for p in points:
        n = done.get((p.person_id, p.place_id), 0)
        state = (
            "done" if n >= p.visits_per_month else ("overdue" if today > last_day(month) else "due")
        )
        rows.append({"point": p, "done": n, "asked": p.visits_per_month, "state": state})
    return rows


def need_counts(people) -> dict:
    from .models import Need

    qs = Need.objects.filter(visit__person__in=people)
    return qs.aggregate(
        total=Count("id"),
        cases=Count("id", filter=Q(case__isnull=False)),
        closed=Count("id", filter=Q(case__status="closed")),
    )

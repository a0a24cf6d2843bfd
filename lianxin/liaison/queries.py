"""Reads of contact work: diaries, unreviewed entries, the cadence of contact points."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from lianxin.core import clock
from lianxin.core.months import last_day

from .models import ContactPoint, Stint, Visit


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


# -- a cadre's year, for his record (干部档案); each read is a fixed number of queries ------


def diary_of_year(person, year: int):
    """His diary entries of the year, with place, checker and the number of needs (one
    query)."""
    return (
        Visit.objects.filter(person=person, day__year=year)
        .select_related("place", "reviewed_by")
        .annotate(
            need_count=Count("needs", distinct=True),
            case_count=Count("needs", filter=Q(needs__case__isnull=False), distinct=True),
        )
        .order_by("-day", "-pk")
    )


def cadence_of_year(person, year: int) -> list[dict]:
    """Per contact point of his: months owed this year (January, or the month it was assigned
    when that is in the year, up to the current month), visits owed and done, months in which
    the cadence was met (two queries)."""
    from django.db.models.functions import TruncMonth

    today = timezone.localdate(clock.now())
    if year > today.year:
        return []
    last = today.month if year == today.year else 12
    points = list(
        ContactPoint.objects.filter(person=person, is_active=True)
        .select_related("place")
        .order_by("place__name")
    )
    done: dict[tuple[int, int], int] = {}
    for row in (
        Visit.objects.filter(person=person, day__year=year)
        .annotate(m=TruncMonth("day"))
        .values("place", "m")
        .annotate(n=Count("id"))
    ):
        done[(row["place"], row["m"].month)] = row["n"]
    rows = []
    for p in points:
        assigned = timezone.localdate(p.created_at)
        first = assigned.month if assigned.year == year and assigned <= today else 1
        if assigned.year > year and assigned <= today:
            continue
        months = range(first, last + 1)
        counts = [done.get((p.place_id, m), 0) for m in months]
        rows.append(
            {
                "point": p,
                "months": len(counts),
                "asked": p.visits_per_month * len(counts),
                "done": sum(counts),
                "months_met": sum(1 for n in counts if n >= p.visits_per_month),
            }
        )
    return rows


def stints_of_year(person, year: int):
    """His stationed stints that fall (at least partly) in the year (one query)."""
    return (
        Stint.objects.filter(person=person, starts_on__year__lte=year, ends_on__year__gte=year)
        .select_related("place")
        .order_by("starts_on")
    )


def contact_points_of(people):
    """The contact points in force of these cadres (the API's list)."""
    return (
        ContactPoint.objects.filter(person__in=people, is_active=True)
        .select_related("person", "place")
        .order_by("person__name", "place__name")
    )


def places_of(root):
    from .models import Place

    return Place.objects.filter(unit__path__startswith=root.path, is_active=True)


def stints_of(people):
    """The stationed stints of these cadres, newest first (the API's list)."""
    return Stint.objects.filter(person__in=people).select_related("person", "place")


def research_visits(root):
    """The organisation's research visits with their problems and cases, newest first."""
    from .models import ResearchVisit

    return (
        ResearchVisit.objects.filter(station__path__startswith=root.path)
        .select_related("station", "created_by")
        .prefetch_related("problems__case", "problems__office")
        .order_by("-day", "-pk")
    )

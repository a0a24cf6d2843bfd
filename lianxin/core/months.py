"""Calendar months, each named by its first day (registers, reports and cadences by month)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone


def first_of(d: date) -> date:
    return d.replace(day=1)


def next_month(m: date) -> date:
    return (m.replace(day=28) + timedelta(days=4)).replace(day=1)


def previous_month(m: date) -> date:
    return (m.replace(day=1) - timedelta(days=1)).replace(day=1)


def last_day(m: date) -> date:
    return next_month(m) - timedelta(days=1)


def parse(text: str | None) -> date | None:
    """ "2026-11" -> 2026-11-01; None for anything else (and for the first and last years
    of the calendar, whose neighbouring months do not exist)."""
    try:
        month = datetime.strptime(text or "", "%Y-%m").date()
    except ValueError:
        return None
    return month if 1 < month.year < 9999 else None


def recent(today: date, n: int) -> list[date]:
    """The last n months up to today's, oldest first."""
    months, m = [], first_of(today)
    for _ in range(n):
        months.append(m)
        m = previous_month(m)
    return list(reversed(months))


def time_range(month: date) -> tuple[datetime, datetime]:
    """[start, end) of a month as aware local times, for filtering timestamps."""
    start = timezone.make_aware(datetime.combine(first_of(month), time.min))
    return start, timezone.make_aware(datetime.combine(next_month(month), time.min))

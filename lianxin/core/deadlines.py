"""Due times on the working-day calendar, shared by every app with deadlines (cases, service
requests, ...): a limit in working days ends at the end of the N-th working day after the
start; a limit in hours is clock hours; a pause moves a due time by the working days waited."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from .workdays import add_workdays, end_of_day, workdays_between


def due_after(start: datetime, *, hours: int | None = None, workdays: int | None = None):
    if hours:
        return start + timedelta(hours=hours)
    return end_of_day(add_workdays(timezone.localdate(start), workdays or 0))


def extend(due: datetime, workdays: int) -> datetime:
    """A due time moved by `workdays` working days (an extension, or a pause's length)."""
    return end_of_day(add_workdays(timezone.localdate(due), workdays))


def paused_workdays(paused_at: datetime, resumed_at: datetime) -> int:
    """Working days that passed while a clock was paused."""
    return max(0, workdays_between(timezone.localdate(paused_at), timezone.localdate(resumed_at)))


def due_soon_limit(at: datetime) -> datetime:
    """Deadlines before this are "due soon": the end of the next working day."""
    return end_of_day(add_workdays(timezone.localdate(at), 1))


def badge(due: datetime | None, at: datetime, soon: datetime | None = None) -> str:
    """green, yellow (due within one working day) or red (overdue). Pass `soon` (from
    `due_soon_limit`) when badging a whole list: it costs two queries to compute."""
    if due is None:
        return ""
    if due < at:
        return "red"
    if due <= (soon or due_soon_limit(at)):
        return "yellow"
    return "green"

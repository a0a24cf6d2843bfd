"""Time limits and due times, on the working-day calendar.

Defaults (DESIGN.md): accept within 1 working day of dispatch (urgent: 2 hours); reply
within consult 3, help 5, complaint 7, suggestion 13 working days of receipt (urgent: 24
hours); praise 13 and internal problems 20 working days. An organisation overrides them per
category, kind and urgency in `TimeLimit`; the most specific row wins (category and kind,
then category, then kind, then any). Working days are counted from the day after: a limit of
N working days ends at the end of the N-th working day after the start.
Urgent limits are in clock hours: urgent cases are worked round the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from lianxin.core.deadlines import badge, due_after, due_soon_limit, extend, paused_workdays
from lianxin.core.workdays import add_workdays, end_of_day

from .models import Kind, TimeLimit

REPLY_WORKDAYS = {
    Kind.CONSULT: 3,
    Kind.HELP: 5,
    Kind.COMPLAINT: 7,
    Kind.SUGGESTION: 13,
    Kind.PRAISE: 13,
    Kind.PROBLEM: 20,
}
ESCALATE_AFTER_WORKDAYS = 5
AUTOCLOSE_DAYS = 7


@dataclass(frozen=True)
class Limits:
    accept_hours: int | None
    accept_workdays: int | None
    reply_hours: int | None
    reply_workdays: int | None


def default_limits(kind: str, urgent: bool) -> Limits:
    if urgent:
        return Limits(2, None, 24, None)
    return Limits(None, 1, None, REPLY_WORKDAYS[Kind(kind)])


def limits_for(case) -> Limits:
    base = default_limits(case.kind, case.urgent)
    rows = TimeLimit.objects.filter(root_id=case.root_id, urgent=case.urgent).filter(
        Q(category_id=case.category_id) | Q(category__isnull=True), kind__in=[case.kind, ""]
    )

    def rank(row):
        return (row.category_id is not None) * 2 + (row.kind != "")

    for row in sorted(rows, key=rank, reverse=True):
        return Limits(
            row.accept_hours if row.accept_hours or row.accept_workdays else base.accept_hours,
            row.accept_workdays
            if row.accept_hours or row.accept_workdays
            else base.accept_workdays,
            row.reply_hours if row.reply_hours or row.reply_workdays else base.reply_hours,
            row.reply_workdays if row.reply_hours or row.reply_workdays else base.reply_workdays,
        )
    return base


def accept_due(case, dispatched_at: datetime) -> datetime:
    limits = limits_for(case)
    return due_after(dispatched_at, hours=limits.accept_hours, workdays=limits.accept_workdays)


def reply_due(case) -> datetime:
    limits = limits_for(case)
    return due_after(case.received_at, hours=limits.reply_hours, workdays=limits.reply_workdays)


def escalate_at(due: datetime) -> datetime:
    return end_of_day(add_workdays(timezone.localdate(due), ESCALATE_AFTER_WORKDAYS))


def autoclose_at(replied_at: datetime) -> datetime:
    return replied_at + timedelta(days=AUTOCLOSE_DAYS)


__all__ = [
    "Limits",
    "accept_due",
    "autoclose_at",
    "badge",
    "default_limits",
    "due_after",
    "due_soon_limit",
    "escalate_at",
    "extend",
    "limits_for",
    "paused_workdays",
    "reply_due",
]

"""Rectification periods on the working-day calendar, and when an overdue one escalates."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from lianxin.core.deadlines import due_after
from lianxin.core.workdays import add_workdays, end_of_day

MAX_WORKDAYS = 250
ESCALATE_AFTER_WORKDAYS = 3
FEEDBACK_WORKDAYS = 3


def rectify_by(start: datetime, workdays: int) -> datetime:
    return due_after(start, workdays=workdays)


def escalate_at(due: datetime, workdays: int = ESCALATE_AFTER_WORKDAYS) -> datetime:
    return end_of_day(add_workdays(timezone.localdate(due), workdays))

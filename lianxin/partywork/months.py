"""The monthly report's due day on the working-day calendar (months themselves: core.months)."""

from __future__ import annotations

from datetime import date, datetime

from lianxin.core.months import first_of, last_day, next_month, parse, previous_month, recent
from lianxin.core.workdays import add_workdays, end_of_day

REPORT_DUE_WORKDAY = 5  # the 5th working day of the next month

__all__ = ["first_of", "last_day", "next_month", "parse", "previous_month", "recent", "report_due"]


def report_due(month: date) -> datetime:
    return end_of_day(add_workdays(last_day(month), REPORT_DUE_WORKDAY))

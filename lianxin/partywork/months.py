"""Months as the first day; the report due day on the working-day calendar."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from lianxin.core.workdays import add_workdays, end_of_day

REPORT_DUE_WORKDAY = 5  # the 5th working day of the next month


def first_of(d: date) -> date:
    return d.replace(day=1)


def next_month(m: date) -> date:
    return (m.replace(day=28) + timedelta(days=4)).replace(day=1)


def previous_month(m: date) -> date:
    return (m.replace(day=1) - timedelta(days=1)).replace(day=1)


def last_day(m: date) -> date:
    return next_month(m) - timedelta(days=1)


def parse(text: str) -> date | None:
    try:
        return datetime.strptime(text, "%Y-%m").date()
    except (TypeError, ValueError):
        return None


def report_due(month: date) -> datetime:
    return end_of_day(add_workdays(last_day(month), REPORT_DUE_WORKDAY))


def recent(today: date, n: int) -> list[date]:
    months, m = [], first_of(today)
    for _ in range(n):
        months.append(m)
        m = previous_month(m)
    return list(reversed(months))

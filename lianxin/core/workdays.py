"""Working days by the official Chinese calendar, with an administrator's override table.

Precedence for a date:
1. a `WorkdayOverride` row for that date (holiday or working day);
2. for a year whose official notice an administrator entered (`CalendarYear`): weekends;
3. the `chinese-calendar` package, which knows the official holidays and make-up days;
4. for a year the package does not know yet: weekends, with one warning logged per process.

The overrides and entered years are read once and kept in the process (`core.kept`: a
deadline is counted several times per step, and reading them each time was most of a step's
work); another process counts with a new calendar within 30 seconds.

Deadlines are counted "from the day after": `add_workdays(d, n)` is the n-th working day
after d, and `workdays_between(a, b)` counts the working days in (a, b], so that
`workdays_between(d, add_workdays(d, n)) == n`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import chinese_calendar
from django.conf import settings
from django.utils import timezone

from . import clock
from .kept import Kept

logger = logging.getLogger(__name__)
_warned_years: set[int] = set()
# The years whose official holidays the chinese-calendar package carries (read from its own
# table, so a year it does not know is never asked of it: it would raise for that year).
PACKAGE_YEARS = frozenset(d.year for d in chinese_calendar.holidays)
_kept: Kept[tuple[dict[date, bool], frozenset[int]]] = Kept()


def forget() -> None:
    """Drop the kept calendar (between tests, whose rolled-back rows must not stay kept)."""
    _kept.forget()


def calendar_changed() -> None:
    """Called by the actions that write overrides or entered years, inside their transaction."""
    _kept.changed("calendar")


def _calendar() -> tuple[dict[date, bool], frozenset[int]]:
    """Every override and entered year, from the kept copy or in one query."""
    return _kept.get("calendar", _read_calendar)


def _read_calendar() -> tuple[dict[date, bool], frozenset[int]]:
    from django.db.models import DateField, IntegerField, Value

    from .models import CalendarYear, WorkdayOverride

    # (date, kind, 0) per override and (None, "", year) per entered year: UNION ALL
    rows = (
        WorkdayOverride.objects.order_by()
        .values_list("date", "kind", Value(0, output_field=IntegerField()))
        .union(
            CalendarYear.objects.order_by().values_list(
                Value(None, output_field=DateField()), Value(""), "year"
            ),
            all=True,
        )
    )
    overrides, years = {}, set()
    for d, kind, year in rows:
        if year:
            years.add(year)
        else:
            overrides[d] = kind == WorkdayOverride.Kind.WORKDAY
    return overrides, frozenset(years)


def package_knows(year: int) -> bool:
    """Whether the chinese-calendar package has the official holidays of this year."""
    return year in PACKAGE_YEARS


@dataclass
class _Window:
    """Overrides and entered years for a span of dates."""

    start: date
    end: date
    overrides: dict[date, bool]
    entered_years: set[int]

    @classmethod
    def load(cls, start: date, end: date) -> _Window:
        overrides, entered = _calendar()
        return cls(start, end, overrides, set(entered))

    def covers(self, d: date) -> bool:
        return self.start <= d <= self.end

    def is_workday(self, d: date) -> bool:
        if d in self.overrides:
            return self.overrides[d]
        if d.year in self.entered_years:
            return d.weekday() < 5
        if d.year in PACKAGE_YEARS:
            return chinese_calendar.is_workday(d)
        if d.year not in _warned_years:
            _warned_years.add(d.year)
            logger.warning(
                "Working-day calendar: the official holidays of %s are unknown; "
                "counting weekends only until an administrator enters that year's notice.",
                d.year,
            )
        return d.weekday() < 5


def is_workday(d: date) -> bool:
    return _Window.load(d, d).is_workday(d)


def add_workdays(d: date, n: int) -> date:
    """The n-th working day after d (n >= 0; n == 0 gives d itself)."""
    return add_workdays_each(d, (n,))[0]


def add_workdays_each(d: date, ns) -> list[date]:
    """`add_workdays(d, n)` for each n of `ns`, reading the calendar once for all."""
    if any(n < 0 for n in ns):
        raise ValueError("n must be >= 0")
    most = max(ns, default=0)
    found = {0: d}
    if most:
        span = most * 2 + 30
        window = _Window.load(d, d + timedelta(days=span))
        current, counted = d, 0
        while counted < most:
            current += timedelta(days=1)
            if not window.covers(current):
                window = _Window.load(current, current + timedelta(days=span))
            if window.is_workday(current):
                counted += 1
                found[counted] = current
    return [found[n] for n in ns]


def workdays_between(start: date, end: date) -> int:
    """Working days in (start, end]; negative when end is before start."""
    if end < start:
        return -workdays_between(end, start)
    window = _Window.load(start, end)
    return sum(
        1 for i in range(1, (end - start).days + 1) if window.is_workday(start + timedelta(days=i))
    )


def _periods() -> list[tuple[time, time]]:
    return [(time.fromisoformat(a), time.fromisoformat(b)) for a, b in settings.LIANXIN_WORK_HOURS]


def add_work_hours(start: datetime, hours: float) -> datetime:
    """The moment `hours` working hours after `start`, counting only working periods
    (by default 08:30-12:00 and 13:30-17:30) of working days."""
    if hours < 0:
        raise ValueError("hours must be >= 0")
    tz = timezone.get_current_timezone()
    if timezone.is_naive(start):
        start = timezone.make_aware(start, tz)
    current = timezone.localtime(start, tz)
    remaining = timedelta(hours=hours)
    if not remaining:
        return current
    periods = _periods()
    window = _Window.load(current.date(), current.date() + timedelta(days=60))
    day = current.date()
    while True:
        if not window.covers(day):
            window = _Window.load(day, day + timedelta(days=60))
        if window.is_workday(day):
            for begin, finish in periods:
                p_start = timezone.make_aware(datetime.combine(day, begin), tz)
                p_end = timezone.make_aware(datetime.combine(day, finish), tz)
                cursor = max(p_start, current)
                if cursor >= p_end:
                    continue
                available = p_end - cursor
                if remaining <= available:
                    return cursor + remaining
                remaining -= available
        day += timedelta(days=1)
        current = timezone.make_aware(datetime.combine(day, time.min), tz)


def missing_years(today: date | None = None) -> list[int]:
    """This year and next year, where neither the package nor an administrator's entered
    notice gives the official holidays."""
    from .models import CalendarYear

    today = today or timezone.localdate(clock.now())
    wanted = [today.year, today.year + 1]
    entered = set(CalendarYear.objects.filter(year__in=wanted).values_list("year", flat=True))
    return [y for y in wanted if y not in entered and not package_knows(y)]


def end_of_day(d: date) -> datetime:
    """23:59:59 local time of a day: when a limit of whole days ends."""
    return timezone.make_aware(datetime.combine(d, time(23, 59, 59)))

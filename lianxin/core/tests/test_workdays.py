"""core.workdays against the 2026 official calendar, overrides and unknown years."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from lianxin.core import workdays
from lianxin.core.actions import calendar_year_enter, workday_override_set
from lianxin.core.actor import Actor

pytestmark = pytest.mark.django_db


def test_2026_make_up_saturdays_are_working_days():
    assert workdays.is_workday(date(2026, 2, 14))
    assert workdays.is_workday(date(2026, 2, 28))
    assert not workdays.is_workday(date(2026, 2, 21))  # an ordinary Saturday in the holiday


@pytest.mark.parametrize(
    "d",
    [date(2026, 2, 15) + timedelta(days=i) for i in range(9)]
    + [date(2026, 10, 1) + timedelta(days=i) for i in range(7)],
)
def test_2026_spring_festival_and_national_day_are_holidays(d):
    assert not workdays.is_workday(d)


def test_add_workdays_counts_from_the_day_after_across_national_day():
    # Oct 1-7 off; Oct 8, 9, 10 (make-up Saturday), 12, 13.
    assert workdays.add_workdays(date(2026, 9, 30), 5) == date(2026, 10, 13)


def test_add_workdays_across_spring_festival():
    # Feb 13, Feb 14 (make-up Saturday), then Feb 24 after the holiday.
    assert workdays.add_workdays(date(2026, 2, 12), 3) == date(2026, 2, 24)


def test_workdays_between_matches_add_workdays():
    assert workdays.workdays_between(date(2026, 9, 30), date(2026, 10, 13)) == 5
    assert workdays.workdays_between(date(2026, 10, 13), date(2026, 9, 30)) == -5
    assert workdays.workdays_between(date(2026, 10, 1), date(2026, 10, 1)) == 0


@settings(max_examples=40, deadline=None)
@given(
    start=st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)),
    n=st.integers(min_value=0, max_value=40),
)
def test_workdays_between_inverts_add_workdays(start, n):
    end = workdays.add_workdays(start, n)
    assert workdays.workdays_between(start, end) == n
    assert n == 0 or workdays.is_workday(end)


def test_override_makes_a_day_a_holiday_and_another_a_working_day():
    workday_override_set(
        day=date(2026, 6, 1), kind="holiday", note="抗洪抢险", actor=Actor.system()
    )
    workday_override_set(day=date(2026, 6, 6), kind="workday", note="调休", actor=Actor.system())
    assert not workdays.is_workday(date(2026, 6, 1))
    assert workdays.is_workday(date(2026, 6, 6))
    # Friday May 29 + 1 working day skips the Monday holiday.
    assert workdays.add_workdays(date(2026, 5, 29), 1) == date(2026, 6, 2)


def test_unknown_year_falls_back_to_weekends_without_raising(caplog):
    workdays._warned_years.discard(2031)
    assert workdays.is_workday(date(2031, 1, 1))  # a Wednesday; New Year unknown
    assert not workdays.is_workday(date(2031, 1, 4))  # Saturday
    assert workdays.add_workdays(date(2031, 1, 3), 1) == date(2031, 1, 6)
    warnings = [r for r in caplog.records if "2031" in r.getMessage()]
    assert len(warnings) == 1  # logged once, not once per date


def test_deadline_crossing_into_an_unknown_year_does_not_raise():
    # A deadline set in late December 2026 falls in January 2027.
    assert workdays.add_workdays(date(2026, 12, 28), 7) == date(2027, 1, 6)


def test_entered_notice_governs_its_year():
    calendar_year_enter(
        year=2031,
        holidays="2031-01-01 元旦\n2031-01-02",
        workdays="2031-01-04 调休",
        source="test",
        actor=Actor.system(),
    )
    assert not workdays.is_workday(date(2031, 1, 1))
    assert not workdays.is_workday(date(2031, 1, 2))
    assert workdays.is_workday(date(2031, 1, 4))
    # Dec 31 -> Jan 3 (Fri), Jan 4 (make-up Saturday), Jan 6 (Mon).
    assert workdays.add_workdays(date(2030, 12, 31), 3) == date(2031, 1, 6)


def test_add_work_hours_skips_lunch_nights_and_holidays():
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime(2026, 9, 30, 16, 0), tz)
    # 1.5 h left on Sep 30, then the holiday week, then 0.5 h on Oct 8 from 08:30.
    result = workdays.add_work_hours(start, 2)
    assert timezone.localtime(result) == timezone.make_aware(datetime(2026, 10, 8, 9, 0), tz)
    morning = timezone.make_aware(datetime(2026, 9, 29, 11, 0), tz)
    assert timezone.localtime(workdays.add_work_hours(morning, 2)) == timezone.make_aware(
        datetime(2026, 9, 29, 14, 30), tz
    )


def test_add_work_hours_24_hours_is_three_working_days():
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime(2026, 11, 2, 8, 30), tz)  # Monday
    # 7.5 working hours a day: 24 h = 3 days and 1.5 h -> Thursday 10:00.
    assert timezone.localtime(workdays.add_work_hours(start, 24)) == timezone.make_aware(
        datetime(2026, 11, 5, 10, 0), tz
    )


def test_add_work_hours_from_a_night_starts_next_morning():
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime(2026, 11, 6, 20, 0), tz)  # Friday evening
    assert timezone.localtime(workdays.add_work_hours(start, 1)) == timezone.make_aware(
        datetime(2026, 11, 9, 9, 30), tz
    )


def test_package_years_are_read_from_the_package_table():
    assert workdays.package_knows(2026)
    assert not workdays.package_knows(2027)
    assert not workdays.package_knows(1999)

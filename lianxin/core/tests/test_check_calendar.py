"""The system check that names a year whose official holidays nobody entered."""

from datetime import date

import pytest
from django.core.management import call_command

from lianxin.core import workdays
from lianxin.core.actions import calendar_year_enter
from lianxin.core.actor import Actor

pytestmark = pytest.mark.django_db


def test_missing_years_names_next_year_when_the_package_does_not_know_it():
    assert workdays.missing_years(today=date(2026, 11, 29)) == [2027]
    assert workdays.missing_years(today=date(2025, 11, 29)) == []


def test_entering_the_notice_silences_the_warning():
    calendar_year_enter(year=2027, holidays="2027-01-01", workdays="", actor=Actor.system())
    assert workdays.missing_years(today=date(2026, 11, 29)) == []


def test_check_command_prints_the_missing_year(capsys):
    expected = workdays.missing_years()
    call_command("check")
    out = capsys.readouterr()
    text = out.out + out.err
    for year in expected:
        assert f"official holidays of {year}" in text

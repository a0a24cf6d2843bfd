"""The calendar_year_enter action and the notice-file parser."""

from datetime import date

import pytest

from lianxin.core.actions import calendar_year_enter
from lianxin.core.errors import ApplicationError
from lianxin.core.models import AuditEvent, CalendarYear, WorkdayOverride
from lianxin.core.notice import parse_notice_file

pytestmark = pytest.mark.django_db


def test_enter_notice_writes_overrides_year_and_one_audit_event(cast):
    entry = calendar_year_enter(
        year=2027,
        holidays="2027-01-01 元旦\n2027-02-06~2027-02-12 春节",
        workdays="2027-02-14 春节调休",
        source="国办发明电〔2026〕X号",
        actor=cast.admin,
    )
    assert entry.year == 2027
    assert WorkdayOverride.objects.filter(kind="holiday").count() == 8
    assert WorkdayOverride.objects.get(date=date(2027, 2, 14)).kind == "workday"
    assert WorkdayOverride.objects.get(date=date(2027, 2, 8)).note == "春节"
    events = AuditEvent.objects.filter(action="calendar_year_enter")
    assert events.count() == 1 and events[0].actor == cast.admin


def test_entering_again_replaces_the_year(cast):
    calendar_year_enter(year=2027, holidays="2027-01-01", workdays="", actor=cast.admin)
    calendar_year_enter(year=2027, holidays="2027-05-01", workdays="", actor=cast.admin)
    assert list(WorkdayOverride.objects.values_list("date", flat=True)) == [date(2027, 5, 1)]
    assert CalendarYear.objects.count() == 1


@pytest.mark.parametrize(
    ("holidays", "workdays", "field", "words"),
    [
        ("2027-13-01", "", "holidays", "不是有效日期"),
        ("2028-01-01", "", "holidays", "不在 2027 年内"),
        ("2027-02-12~2027-02-06", "", "holidays", "结束日期早于"),
        ("春节", "", "holidays", "请按"),
        ("", "", "holidays", "至少要列出一个"),
        ("2027-01-01", "2027-01-01", "workdays", "同时被列为"),
    ],
)
def test_bad_notice_is_refused_and_nothing_written(cast, holidays, workdays, field, words):
    WorkdayOverride.objects.create(date=date(2027, 3, 3), kind="holiday")
    with pytest.raises(ApplicationError) as err:
        calendar_year_enter(year=2027, holidays=holidays, workdays=workdays, actor=cast.admin)
    assert err.value.field == field
    assert words in str(err.value.message)
    assert list(WorkdayOverride.objects.values_list("date", flat=True)) == [date(2027, 3, 3)]
    assert not CalendarYear.objects.exists()
    assert not AuditEvent.objects.filter(action="calendar_year_enter").exists()


def test_notice_file_with_header_chinese_kinds_and_ranges():
    holidays, workdays = parse_notice_file(
        "\ufeff日期,类型,说明\n2027-01-01,放假,元旦\n2027-02-06~2027-02-12,放假,春节\n"
        "2027-02-14，上班，春节调休\n"
    )
    assert holidays.splitlines() == ["2027-01-01 元旦", "2027-02-06~2027-02-12 春节"]
    assert workdays.splitlines() == ["2027-02-14 春节调休"]


def test_notice_file_with_unknown_kind_names_the_line():
    with pytest.raises(ApplicationError) as err:
        parse_notice_file("2027-01-01,放假\n2027-01-02,maybe\n")
    assert "第 2 行" in str(err.value.message)

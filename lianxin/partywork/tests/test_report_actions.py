"""Monthly reports: due on the 5th working day of the next month, late ones flagged, thin
ones sent back, none for a month that has not begun; the clock reminds before and after."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from lianxin.core import clock
from lianxin.core.errors import ApplicationError
from lianxin.core.models import Notice
from lianxin.partywork import actions, months
from lianxin.partywork.models import MonthlyReport

# Dates here follow the wall clock: also run at midnight in Beijing, a month end, a holiday.
pytestmark = pytest.mark.any_hour

FULL = {
    "thinking": "职工思想稳定，个别同志对值班安排有意见，已谈心。",
    "activities": "集中学习两次，主题党日一次，志愿服务一次。",
    "problems": "一线职工分散，集中学习时间难保证。",
    "next_steps": "利用班前会开展微党课，开展党员先锋岗活动。",
}


def at(*args):
    return timezone.make_aware(datetime(*args))


@pytest.mark.django_db
def test_the_due_day_is_the_fifth_working_day_of_the_next_month():
    # October 2026: 1-7 October holidays do not matter; November: 2, 3, 4, 5, 6.
    assert timezone.localdate(months.report_due(date(2026, 10, 1))) == date(2026, 11, 6)
    # September 2026: October 1-7 holidays, 8, 9, 10 (make-up), 12, 13.
    assert timezone.localdate(months.report_due(date(2026, 9, 1))) == date(2026, 10, 13)


@pytest.mark.django_db
def test_on_time_late_and_sent_back(pw):
    with clock.frozen_at(at(2026, 11, 4, 9)):
        report = actions.report_save(
            unit=pw.station_a, month=date(2026, 10, 1), actor=pw.sec_a, **FULL
        )
        report = actions.report_submit(report=report, actor=pw.sec_a)
    assert report.state == "submitted" and not report.late
    assert Notice.objects.filter(recipient=pw.officer).exists()
    with clock.frozen_at(at(2026, 11, 9, 9)):
        late = actions.report_save(
            unit=pw.station_b, month=date(2026, 10, 1), actor=pw.sec_b, **FULL
        )
        late = actions.report_submit(report=late, actor=pw.sec_b)
    assert late.late
    returned = actions.report_review(report=late, accept=False, comment="太简单", actor=pw.officer)
    assert returned.state == "returned"
    with pytest.raises(ApplicationError):  # sending back needs a comment
        actions.report_review(report=report, accept=False, comment="", actor=pw.officer)
    resubmitted = actions.report_submit(report=returned, actor=pw.sec_b)
    assert resubmitted.state == "submitted" and resubmitted.late  # stays flagged


@pytest.mark.django_db
def test_thin_future_and_foreign_reports_are_refused(pw):
    with clock.frozen_at(at(2026, 11, 4, 9)):
        with pytest.raises(ApplicationError) as err:
            actions.report_save(unit=pw.station_a, month=date(2026, 12, 1), actor=pw.sec_a, **FULL)
        assert "尚未开始" in str(err.value.message)
        thin = actions.report_save(
            unit=pw.station_a, month=date(2026, 10, 1), actor=pw.sec_a, thinking="稳定"
        )
        with pytest.raises(ApplicationError):
            actions.report_submit(report=thin, actor=pw.sec_a)
        with pytest.raises(ApplicationError):
            actions.report_save(unit=pw.station_a, month=date(2026, 10, 1), actor=pw.sec_b, **FULL)
    thin.refresh_from_db()
    assert thin.state == "draft" and MonthlyReport.objects.count() == 1


@pytest.mark.django_db
def test_the_clock_reminds_before_and_after_the_due_day(pw):
    due = months.report_due(date(2026, 10, 1))
    clock.sweep(at=at(2026, 11, 2, 8))  # plans the October reports; nothing due yet
    assert not Notice.objects.filter(recipient=pw.sec_a).exists()
    clock.sweep(at=at(2026, 11, 4, 10))  # two working days before 6 November
    before = Notice.objects.filter(recipient=pw.sec_a).get()
    assert "2026-11-06" in before.title
    with clock.frozen_at(at(2026, 11, 5, 9)):
        report = actions.report_save(
            unit=pw.station_b, month=date(2026, 10, 1), actor=pw.sec_b, **FULL
        )
        actions.report_submit(report=report, actor=pw.sec_b)
    clock.sweep(at=due + timedelta(minutes=1))
    assert Notice.objects.filter(recipient=pw.sec_a).count() == 2
    assert Notice.objects.filter(recipient=pw.officer, title__contains="甲站").exists()
    assert not Notice.objects.filter(recipient=pw.sec_b, title__contains="逾期").exists()
    clock.sweep(at=due + timedelta(days=1))
    assert Notice.objects.filter(recipient=pw.sec_a).count() == 2  # once each

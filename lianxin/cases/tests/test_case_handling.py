"""accept, pause/resume, extensions and reply by the lead unit."""

from datetime import datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from lianxin.cases import actions
from lianxin.cases import workflow as wf
from lianxin.cases.models import Extension
from lianxin.core import clock
from lianxin.core.errors import ApplicationError
from lianxin.core.models import DueItem

# Dates here follow the wall clock: also run at midnight in Beijing, a month end, a holiday.
pytestmark = pytest.mark.any_hour


def at(*args):
    return timezone.make_aware(datetime(*args))


def test_accept_claims_the_case_for_the_handler_and_stops_the_accept_clock(cc):
    from .conftest import receive

    case, _ = receive(cc)
    case = actions.case_dispatch(case=case, unit=cc.station_a, actor=cc.dispatcher)
    case = actions.case_accept(case=case, actor=cc.handler)
    assert case.status == "in_progress" and case.handler == cc.people.handler
    assert DueItem.objects.get(kind="case.accept", object_id=str(case.pk)).done_at is not None
    with pytest.raises(ApplicationError) as err:
        actions.case_accept(case=case, actor=cc.handler)
    assert "办理中" in str(err.value.message)


def test_a_pause_stops_the_reply_clock_for_the_working_days_waited(cc, make_case):
    with clock.frozen_at(at(2026, 11, 2, 9, 0)):  # a Monday
        case = make_case("in_progress")
    due = case.reply_due
    with clock.frozen_at(at(2026, 11, 3, 9, 0)):
        case = actions.case_pause(case=case, question="请提供照片", actor=cc.handler)
        with pytest.raises(ApplicationError):
            actions.case_reply(case=case, reply="已处理", actor=cc.handler)
    with clock.frozen_at(at(2026, 11, 6, 9, 0)):  # three working days later
        case = actions.case_resume(case=case, note="照片已收到", actor=wf.CITIZEN)
    assert case.paused_at is None
    assert case.events.last().data == {"paused_workdays": 3}
    assert timezone.localdate(case.reply_due) > timezone.localdate(due)
    from lianxin.core.workdays import workdays_between

    assert workdays_between(timezone.localdate(due), timezone.localdate(case.reply_due)) == 3


def test_an_extension_asked_before_the_deadline_and_approved_moves_it(cc, make_case):
    case = make_case("in_progress")
    due = case.reply_due
    ext = actions.case_request_extension(
        case=case, workdays=5, reason="需协调交警", actor=cc.handler
    )
    with pytest.raises(ApplicationError):  # one request at a time
        actions.case_request_extension(case=case, workdays=2, reason="再延", actor=cc.handler)
    with pytest.raises(PermissionDenied):  # the handler does not approve his own request
        actions.case_decide_extension(case=case, approve=True, actor=cc.handler)
    with pytest.raises(ApplicationError) as err:  # nor does his own unit's leader
        actions.case_decide_extension(case=case, approve=True, actor=cc.station_leader)
    assert err.value.code == "own_unit"
    actions.case_decide_extension(case=case, approve=True, actor=cc.dispatcher)
    ext.refresh_from_db()
    case.refresh_from_db()
    assert ext.state == Extension.State.APPROVED
    from lianxin.core.workdays import workdays_between

    assert workdays_between(timezone.localdate(due), timezone.localdate(case.reply_due)) == 5


def test_an_extension_asked_after_the_deadline_is_refused(cc, make_case):
    case = make_case("in_progress")
    with (
        clock.frozen_at(case.reply_due + timedelta(minutes=1)),
        pytest.raises(ApplicationError) as err,
    ):
        actions.case_request_extension(case=case, workdays=3, reason="来不及", actor=cc.handler)
    assert "截止时间已过" in str(err.value.message)
    assert not case.extensions.exists()


def test_reply_finishes_the_reply_clock_and_starts_the_seven_day_close(cc, make_case):
    case = make_case("in_progress")
    case = actions.case_reply(case=case, reply="已修补", reusable=True, actor=cc.handler)
    assert case.status == "replied" and case.reply_reusable
    assert DueItem.objects.get(kind="case.reply", object_id=str(case.pk)).done_at is not None
    close = DueItem.objects.get(kind="case.autoclose", object_id=str(case.pk))
    assert close.due_at - case.replied_at == timedelta(days=7)
    with pytest.raises(ApplicationError):
        actions.case_reply(case=case, reply="x" * 5001, actor=cc.handler)

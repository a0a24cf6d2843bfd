"""Service requests: due in promised working days from the next day; a pause stops the clock
(also across a holiday); extensions before the deadline; completion on time or late."""

from datetime import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from lianxin.catalog import actions
from lianxin.core import clock
from lianxin.core.errors import ApplicationError
from lianxin.core.models import DueItem
from lianxin.core.notify import MemorySmsBackend

from .conftest import register

# Dates here follow the wall clock: also run at midnight in Beijing, a month end, a holiday.
pytestmark = pytest.mark.any_hour


def at(*args):
    return timezone.make_aware(datetime(*args))


def test_due_in_promised_working_days_from_the_next_day(sv):
    with clock.frozen_at(at(2026, 9, 28, 10)):  # Monday before the National Day holiday
        req, _ = register(sv)
    # 29, 30 September, then 8, 9, 10 (make-up Saturday) October.
    assert timezone.localdate(req.due_at).isoformat() == "2026-10-10"
    assert DueItem.objects.get(kind="catalog.request", object_id=str(req.pk)).due_at == req.due_at


def test_a_pause_across_the_holiday_stops_the_clock(sv, django_capture_on_commit_callbacks):
    MemorySmsBackend.outbox.clear()
    with clock.frozen_at(at(2026, 9, 28, 10)):
        req, _ = register(sv)
    with (
        clock.frozen_at(at(2026, 9, 29, 10)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        req = actions.request_pause(req=req, missing=["施工图纸", "委托书"], actor=sv.handler)
    assert any("施工图纸；委托书" in text for _p, text in MemorySmsBackend.outbox)
    assert DueItem.objects.get(kind="catalog.request").done_at is not None
    # Paused over the holiday (1-7 October) until Friday 9 October: 30 Sep, 8, 9 Oct = 3.
    with clock.frozen_at(at(2026, 10, 9, 9)):
        req = actions.request_resume(req=req, actor=sv.handler)
    assert req.paused_workdays == 3
    # Due 10 October plus 3 working days: 12, 13, 14 October.
    assert timezone.localdate(req.due_at).isoformat() == "2026-10-14"
    with clock.frozen_at(at(2026, 10, 14, 16)):
        req = actions.request_complete(req=req, decision="approved", actor=sv.handler)
    assert req.on_time and req.workdays_used == 5


def test_extension_before_the_deadline_with_leader_approval_and_refusal_needs_a_reason(sv):
    with clock.frozen_at(at(2026, 11, 2, 10)):
        req, _ = register(sv)
        with pytest.raises(PermissionDenied):
            actions.request_extend(req=req, workdays=3, reason="勘查", actor=sv.handler_b)
        req = actions.request_extend(req=req, workdays=3, reason="会同交警勘查", actor=sv.handler)
        with pytest.raises(PermissionDenied):
            actions.request_extension_decide(req=req, approve=True, actor=sv.handler)
        due = req.due_at
        req = actions.request_extension_decide(req=req, approve=True, actor=sv.station_leader)
        assert timezone.localdate(req.due_at) > timezone.localdate(due)
        with pytest.raises(ApplicationError):
            actions.request_complete(req=req, decision="refused", note="", actor=sv.handler)
    with clock.frozen_at(req.due_at + timezone.timedelta(minutes=1)):
        with pytest.raises(ApplicationError) as err:
            actions.request_extend(req=req, workdays=2, reason="再延", actor=sv.handler)
        assert "截止时间已过" in str(err.value.message)
        req = actions.request_complete(
            req=req, decision="refused", note="不在管养范围", actor=sv.handler
        )
    assert req.on_time is False and req.decision == "refused"


def test_bad_registration_input(sv):
    with pytest.raises(ApplicationError) as err:
        register(sv, applicant_phone="123")
    assert err.value.field == "applicant_phone"
    first, secret = register(sv, token="same")
    again, secret2 = register(sv, token="same")
    assert first.pk == again.pk and secret == secret2

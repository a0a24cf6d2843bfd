"""The dispatch limit on the clock: an undispatched item is reminded to the dispatchers after
one working day (urgent: 2 hours) and escalated to their leaders after as long again."""

from datetime import timedelta

from lianxin.cases import actions
from lianxin.core import clock
from lianxin.core.models import DueItem, Notice

from .conftest import receive


def test_an_undispatched_case_is_reminded_then_escalated_once(cc):
    case, _ = receive(cc)
    item = DueItem.objects.get(kind="case.dispatch", object_id=str(case.pk))
    assert clock.sweep(at=item.due_at - timedelta(minutes=1))["reminded"] == 0
    clock.sweep(at=item.due_at + timedelta(minutes=1))
    assert Notice.objects.filter(recipient=cc.dispatcher, title__contains=case.code).count() == 1
    assert not Notice.objects.filter(recipient=cc.leader, title__contains=case.code).exists()
    clock.sweep(at=item.escalate_at + timedelta(minutes=1))
    clock.sweep(at=item.escalate_at + timedelta(hours=5))
    # the dispatchers' office has no leader in the cast: the organ's leader hears of it, once
    assert Notice.objects.filter(recipient=cc.leader, title__contains=case.code).count() == 1


def test_urgent_items_wait_two_hours(cc):
    case, _ = receive(cc, urgent=True)
    item = DueItem.objects.get(kind="case.dispatch", object_id=str(case.pk))
    assert item.due_at == case.received_at + timedelta(hours=2)


def test_a_dispatched_case_is_not_reminded_and_a_returned_one_is_again(cc):
    case, _ = receive(cc)
    case = actions.case_dispatch(case=case, unit=cc.station_a, actor=cc.dispatcher)
    item = DueItem.objects.get(kind="case.dispatch", object_id=str(case.pk))
    assert item.done_at is not None
    actions.case_return(case=case, reason="不属本站辖区", actor=cc.handler)
    item.refresh_from_db()
    assert item.done_at is None


def test_internal_problems_have_no_dispatch_limit(cc):
    from lianxin.cases.models import Channel, Kind

    case, _ = receive(cc, kind=Kind.PROBLEM, channel=Channel.INSPECTION, actor=cc.admin)
    assert not DueItem.objects.filter(kind="case.dispatch", object_id=str(case.pk)).exists()

"""case_dispatch and case_return: to a lead unit with co-units and a handler; back with a reason."""

from datetime import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from lianxin.cases import actions
from lianxin.core import clock
from lianxin.core.errors import ApplicationError
from lianxin.core.models import DueItem, Notice
from lianxin.core.notify import MemorySmsBackend

from .conftest import receive


def at(*args):
    return timezone.make_aware(datetime(*args))


def test_dispatch_sets_working_day_deadlines_and_tells_the_unit_and_the_citizen(
    cc, django_capture_on_commit_callbacks
):
    MemorySmsBackend.outbox.clear()
    # Received on Wednesday 30 September 2026, just before the National Day holiday.
    with (
        clock.frozen_at(at(2026, 9, 30, 10, 0)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        case, _ = receive(cc)
        case = actions.case_dispatch(
            case=case,
            unit=cc.station_a,
            co_units=[cc.station_b],
            handler=cc.people.handler,
            note="请尽快核实",
            actor=cc.dispatcher,
        )
    assert case.status == "dispatched"
    # Accept within 1 working day: 1-7 October are holidays, 8 October is a working day.
    assert timezone.localtime(case.accept_due).date().isoformat() == "2026-10-08"
    # A complaint: 7 working days: 8, 9, 10 (make-up Saturday), 12, 13, 14, 15 October.
    assert timezone.localtime(case.reply_due).date().isoformat() == "2026-10-15"
    assert list(case.co_units.all()) == [cc.station_b]
    open_items = DueItem.objects.filter(object_id=str(case.pk), done_at=None)
    assert set(open_items.values_list("kind", flat=True)) == {
        "case.accept",
        "case.reply",
        "case.accept_warning",
        "case.reply_warning",
    }
    assert Notice.objects.filter(recipient=cc.handler, url__contains=case.code).exists()
    assert Notice.objects.filter(recipient=cc.station_leader).exists()
    assert any(phone == "13812345678" and "甲站" in text for phone, text in MemorySmsBackend.outbox)


def test_dispatch_refuses_a_unit_of_another_organisation_and_a_foreign_handler(cc):
    case, _ = receive(cc)
    with pytest.raises(ApplicationError) as err:
        actions.case_dispatch(case=case, unit=cc.other, actor=cc.dispatcher)
    assert err.value.field == "unit"
    with pytest.raises(ApplicationError) as err:
        actions.case_dispatch(
            case=case, unit=cc.station_a, handler=cc.people.handler_b, actor=cc.dispatcher
        )
    assert err.value.field == "handler"
    case.refresh_from_db()
    assert case.status == "received" and case.events.count() == 1


def test_only_a_dispatcher_dispatches(cc):
    case, _ = receive(cc)
    with pytest.raises(PermissionDenied):
        actions.case_dispatch(case=case, unit=cc.station_a, actor=cc.handler)


def test_return_needs_a_reason_and_is_counted_against_the_unit(cc, make_case):
    case = make_case("dispatched")
    with pytest.raises(ApplicationError) as err:
        actions.case_return(case=case, reason=" ", actor=cc.handler)
    assert err.value.field == "reason"
    case = actions.case_return(case=case, reason="不属于本站管养路段", actor=cc.handler)
    assert case.status == "received" and case.lead_unit is None and case.return_count == 1
    assert case.events.last().data == {"unit": cc.station_a.pk}
    open_items = DueItem.objects.filter(object_id=str(case.pk), done_at=None)
    # the accept and reply clocks stop; the dispatch limit runs again
    assert list(open_items.values_list("kind", flat=True)) == ["case.dispatch"]
    assert Notice.objects.filter(recipient=cc.dispatcher, title__contains=case.code).exists()
    # Re-dispatched to the right unit.
    case = actions.case_dispatch(case=case, unit=cc.station_b, actor=cc.dispatcher)
    assert case.status == "dispatched" and case.lead_unit == cc.station_b


def test_merge_joins_a_duplicate_to_its_original(cc, make_case):
    original = make_case("in_progress")
    duplicate, _ = receive(cc)
    with pytest.raises(ApplicationError):
        actions.case_merge(case=duplicate, original=duplicate, actor=cc.dispatcher)
    merged = actions.case_merge(case=duplicate, original=original, actor=cc.dispatcher)
    assert merged.status == "merged" and merged.merged_into == original
    assert list(original.duplicates.all()) == [merged]

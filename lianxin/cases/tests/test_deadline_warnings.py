"""临期预警: half a working day before the accept limit and one working day before the reply
limit, the handler and his leader get one message, and the case shows a warning badge."""

from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from lianxin.cases import actions
from lianxin.core import clock
from lianxin.core.models import DueItem, Notice

from .conftest import receive

# Wednesday 2 December 2026, an ordinary working week
WED = timezone.make_aware(datetime(2026, 12, 2, 10, 0))


def at(day, hour, minute=0):
    return timezone.make_aware(datetime(2026, 12, day, hour, minute))


def dispatched(cc):
    with clock.frozen_at(WED):
        case, _ = receive(cc)
        return actions.case_dispatch(
            case=case, unit=cc.station_a, handler=cc.people.handler, actor=cc.dispatcher
        )


def sweep(moment):
    with clock.frozen_at(moment):
        clock.sweep()


def warnings_to(user, case):
    return Notice.objects.filter(recipient=user, title__contains=case.code).filter(
        title__contains="临期"
    )


def test_half_a_working_day_before_the_accept_limit(cc, login):
    case = dispatched(cc)
    assert timezone.localtime(case.accept_due).date() == at(3, 0).date()  # end of Thursday
    sweep(at(3, 13, 40))
    assert not Notice.objects.filter(title__contains="临期").exists()
    # half of Thursday's 7½ working hours (08:30-12:00, 13:30-17:30) are left at 13:45
    sweep(at(3, 13, 50))
    sweep(at(3, 15, 0))
    assert warnings_to(cc.handler, case).count() == 1
    assert warnings_to(cc.station_leader, case).count() == 1
    with clock.frozen_at(at(3, 14, 0)):
        page = login(cc.handler).get(reverse("workbench:case_queue") + "?tab=mine")
        assert "临期预警" in page.text
        actions.case_accept(case=case, actor=cc.handler)
        page = login(cc.handler).get(reverse("workbench:case_detail", args=[case.code]))
        assert "临期预警" not in page.text


def test_one_working_day_before_the_reply_limit(cc, login):
    case = dispatched(cc)
    with clock.frozen_at(at(3, 9)):
        actions.case_accept(case=case, actor=cc.handler)
    due = timezone.localtime(case.reply_due)
    item = DueItem.objects.get(kind="case.reply_warning", object_id=str(case.pk))
    warn = timezone.localtime(item.due_at)
    assert warn < due and (due.date() - warn.date()).days >= 1
    sweep(item.due_at - timedelta(minutes=1))
    assert not warnings_to(cc.handler, case).exists()
    sweep(item.due_at + timedelta(minutes=1))
    assert warnings_to(cc.handler, case).count() == 1
    with clock.frozen_at(item.due_at + timedelta(hours=1)):
        page = login(cc.station_leader).get(reverse("workbench:case_detail", args=[case.code]))
        assert "临期预警" in page.text


def test_an_extension_arms_the_warning_again_and_a_reply_ends_it(cc):
    case = dispatched(cc)
    with clock.frozen_at(at(3, 9)):
        actions.case_accept(case=case, actor=cc.handler)
    item = DueItem.objects.get(kind="case.reply_warning", object_id=str(case.pk))
    sweep(item.due_at + timedelta(minutes=1))
    with clock.frozen_at(item.due_at + timedelta(minutes=5)):
        actions.case_request_extension(case=case, workdays=5, reason="需协调", actor=cc.handler)
        actions.case_decide_extension(case=case, approve=True, actor=cc.supervisor)
    item.refresh_from_db()
    assert item.reminded_at is None
    with clock.frozen_at(item.due_at - timedelta(hours=1)):
        actions.case_reply(case=case, reply="已修补", actor=cc.handler)
    sweep(item.due_at + timedelta(minutes=1))
    assert warnings_to(cc.handler, case).count() == 1  # the first warning only

"""order_issue: a supervision order with its own deadline; flagged ones go on the notice."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from lianxin.cases.models import Supervision
from lianxin.core import clock
from lianxin.core.errors import ApplicationError
from lianxin.core.models import DueItem, Notice
from lianxin.supervision import actions
from lianxin.supervision.models import Order


def test_an_order_supervises_the_case_and_puts_its_deadline_on_the_clock(cc, make_case):
    case = make_case("in_progress")
    order = actions.order_issue(
        case=case, expected="三日内书面报告修补进度", workdays=3, actor=cc.supervisor
    )
    case.refresh_from_db()
    assert case.supervision == Supervision.SUPERVISED and not case.public_notice
    assert DueItem.objects.get(kind="supervision.order", object_id=str(order.pk)).due_at == (
        order.due_at
    )
    assert Notice.objects.filter(recipient=cc.station_leader, title__contains=case.code).exists()


def test_a_flagged_order_shows_on_the_public_notice_with_its_deadline(cc, make_case, client):
    case = make_case("in_progress")
    on = timezone.localdate(clock.now()) + timedelta(days=10)
    actions.order_issue(
        case=case, expected="限期修复坑槽", due_on=on, flagged=True, actor=cc.supervisor
    )
    case.refresh_from_db()
    assert case.supervision == Supervision.FLAGGED and case.public_notice
    page = client.get(reverse("portal:board"))
    assert case.code in page.text and on.isoformat() in page.text and "挂牌督办" in page.text


@pytest.mark.parametrize(
    "kw, field",
    [
        ({"expected": "  ", "workdays": 3}, "expected"),
        ({"expected": "报告", "workdays": 0}, "workdays"),
        (
            {"expected": "报告", "due_on": timezone.localdate(clock.now()) - timedelta(days=1)},
            "due_on",
        ),
    ],
)
def test_bad_orders_are_refused_and_nothing_changes(cc, make_case, kw, field):
    case = make_case("in_progress")
    with pytest.raises(ApplicationError) as err:
        actions.order_issue(case=case, actor=cc.supervisor, **kw)
    assert err.value.field == field
    case.refresh_from_db()
    assert case.supervision == 0 and not Order.objects.exists()


def test_only_a_supervisor_issues_and_one_order_waits_at_a_time(cc, make_case):
    case = make_case("in_progress")
    for user in (cc.station_leader, cc.handler, cc.outsider):
        with pytest.raises(PermissionDenied):
            actions.order_issue(case=case, expected="报告", workdays=2, actor=user)
    actions.order_issue(case=case, expected="报告", workdays=2, actor=cc.supervisor)
    with pytest.raises(ApplicationError):
        actions.order_issue(case=case, expected="再报告", workdays=2, actor=cc.supervisor)
    closed = make_case("closed", submit_token="c", client="test")
    with pytest.raises(ApplicationError):
        actions.order_issue(case=closed, expected="报告", workdays=2, actor=cc.supervisor)

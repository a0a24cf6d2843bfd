"""order_feedback and the clock: the lead unit answers; unanswered orders are reminded and
escalated to the organ's leaders, once each."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from lianxin.core import clock
from lianxin.core.errors import ApplicationError
from lianxin.core.models import DueItem, Notice
from lianxin.supervision import actions


@pytest.fixture
def order(cc, make_case):
    case = make_case("in_progress")
    return actions.order_issue(case=case, expected="报告进度", workdays=2, actor=cc.supervisor)


def test_the_lead_unit_answers_and_the_issuer_hears_of_it(cc, order):
    actions.order_feedback(order=order, text="已完成修补，附照片备查", actor=cc.handler)
    order.refresh_from_db()
    assert order.feedback_by == cc.people.handler
    assert DueItem.objects.get(kind="supervision.order", object_id=str(order.pk)).done_at
    assert order.case.events.last().action == "note"
    assert Notice.objects.filter(recipient=cc.supervisor, title__contains="反馈").exists()
    with pytest.raises(ApplicationError):
        actions.order_feedback(order=order, text="再答", actor=cc.handler)


def test_feedback_on_someone_elses_order_is_refused(cc, order):
    with pytest.raises(ApplicationError) as err:
        actions.order_feedback(order=order, text="代为反馈", actor=cc.dispatcher)
    assert err.value.code == "not_addressee"
    for user in (cc.handler_b, cc.outsider):
        with pytest.raises(PermissionDenied):
            actions.order_feedback(order=order, text="代为反馈", actor=user)
    with pytest.raises(ApplicationError):
        actions.order_feedback(order=order, text=" ", actor=cc.handler)
    order.refresh_from_db()
    assert order.feedback_at is None


def test_overdue_feedback_is_reminded_then_escalated_once(cc, order):
    item = DueItem.objects.get(kind="supervision.order", object_id=str(order.pk))
    clock.sweep(at=item.due_at + timedelta(minutes=1))
    clock.sweep(at=item.due_at + timedelta(minutes=2))
    assert (
        Notice.objects.filter(recipient=cc.station_leader, title__contains="督办反馈逾期").count()
        == 1
    )
    clock.sweep(at=item.escalate_at + timedelta(minutes=1))
    assert (
        Notice.objects.filter(recipient=cc.leader, title__contains="督办反馈严重逾期").count() == 1
    )


def test_through_the_pages_and_outsiders_404(cc, login, order):
    code = order.case.code
    assert login(cc.outsider).get(reverse("workbench:case_orders", args=[code])).status_code == 404
    client = login(cc.handler)
    url = reverse("workbench:case_order_step", args=[code, "feedback"])
    assert client.post(url, {"text": ""}).status_code == 400
    assert client.post(url, {"text": "已处理"}).status_code == 302
    page = login(cc.supervisor).get(reverse("workbench:orders"))
    assert code not in page.text

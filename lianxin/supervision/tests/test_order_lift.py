"""order_lift: a flagged supervision is lifted with a reason and leaves the public notice."""

import pytest
from django.urls import reverse

from lianxin.cases.models import Supervision
from lianxin.core.errors import ApplicationError
from lianxin.supervision import actions


def test_lifting_takes_the_case_off_the_notice(cc, make_case, client):
    case = make_case("in_progress")
    order = actions.order_issue(
        case=case, expected="限期修复", workdays=5, flagged=True, actor=cc.supervisor
    )
    with pytest.raises(ApplicationError):
        actions.order_lift(order=order, reason="  ", actor=cc.supervisor)
    actions.order_lift(order=order, reason="已修复并经复查", actor=cc.supervisor)
    case.refresh_from_db()
    assert case.supervision == Supervision.SUPERVISED and not case.public_notice
    assert case.events.last().action == "lift_flag" and case.events.last().public
    assert case.code not in client.get(reverse("portal:board")).text
    with pytest.raises(ApplicationError):
        actions.order_lift(order=order, reason="再摘", actor=cc.supervisor)


def test_an_ordinary_order_cannot_be_lifted(cc, make_case):
    order = actions.order_issue(
        case=make_case("in_progress"), expected="报告", workdays=5, actor=cc.supervisor
    )
    with pytest.raises(ApplicationError):
        actions.order_lift(order=order, reason="无", actor=cc.supervisor)

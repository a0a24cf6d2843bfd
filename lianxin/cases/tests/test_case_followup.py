"""After the reply: rating and callback, review, reopen, appeal, internal problems, 7-day close."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied

from lianxin.cases import actions
from lianxin.cases import workflow as wf
from lianxin.cases.models import Appeal, Channel, Kind
from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError
from lianxin.core.models import Notice

from .conftest import receive


def test_a_satisfied_rating_closes_the_case_and_a_second_rating_is_refused(cc, make_case):
    case = make_case("replied")
    case = actions.case_rate(case=case, rating=4, solved=True, actor=wf.CITIZEN)
    assert case.status == "closed" and case.rating == 4 and case.closed_at
    with pytest.raises(ApplicationError) as err:
        actions.case_rate(case=case, rating=1, solved=False, actor=wf.CITIZEN)
    assert "已经评价" in str(err.value.message)
    case.refresh_from_db()
    assert case.rating == 4


def test_an_operator_callback_is_recorded_as_such(cc, make_case):
    case = make_case("replied")
    case = actions.case_rate(case=case, rating=5, solved=True, actor=cc.operator)
    assert case.events.last().action == "callback"
    with pytest.raises(PermissionDenied):  # a handler cannot rate his own work
        other = make_case("replied")
        actions.case_rate(case=other, rating=5, solved=True, actor=cc.handler)


def test_an_unsatisfied_rating_goes_to_a_supervisor_who_reopens_with_a_new_deadline(cc, make_case):
    case = make_case("replied")
    case = actions.case_rate(case=case, rating=2, solved=False, actor=wf.CITIZEN)
    assert case.status == "replied" and case.review_pending
    assert Notice.objects.filter(recipient=cc.supervisor, title__contains=case.code).exists()
    with pytest.raises(PermissionDenied):
        actions.case_reopen(case=case, reason="重新核查", actor=cc.handler)
    case = actions.case_reopen(case=case, reason="重新核查", actor=cc.supervisor)
    assert case.status == "in_progress" and case.reopen_count == 1
    assert case.rating is None and case.reply_due > case.replied_at
    assert case.events.last().data == {"rating": 2, "solved": False}
    # Handled again, the citizen may rate the new reply.
    case = actions.case_reply(case=case, reply="已重新修补并压实", actor=cc.handler)
    case = actions.case_rate(case=case, rating=5, solved=True, actor=wf.CITIZEN)
    assert case.status == "closed"


def test_a_supervisor_may_confirm_the_reply_and_an_upheld_appeal_excludes_the_rating(cc, make_case):
    case = make_case("replied")
    case = actions.case_rate(case=case, rating=1, solved=False, actor=wf.CITIZEN)
    case = actions.case_confirm(case=case, note="答复合规", actor=cc.supervisor)
    assert case.status == "closed" and not case.review_pending
    appeal = actions.case_appeal(case=case, reason="恶意差评", actor=cc.station_leader)
    with pytest.raises(ApplicationError):
        actions.case_appeal(case=case, reason="再次申诉", actor=cc.station_leader)
    actions.case_decide_appeal(case=case, uphold=True, actor=cc.supervisor)
    appeal.refresh_from_db()
    case.refresh_from_db()
    assert appeal.state == Appeal.State.UPHELD and case.rating_excluded


def test_a_good_rating_cannot_be_appealed(cc, make_case):
    case = make_case("closed")
    with pytest.raises(ApplicationError):
        actions.case_appeal(case=case, reason="无", actor=cc.station_leader)


def test_an_internal_problem_is_verified_by_its_issuer_not_rated(cc):
    problem, _ = receive(cc, kind=Kind.PROBLEM, channel=Channel.INSPECTION, actor=cc.leader)
    problem = actions.case_dispatch(case=problem, unit=cc.station_a, actor=cc.leader)
    problem = actions.case_accept(case=problem, actor=cc.handler)
    problem = actions.case_reply(case=problem, reply="已整改", actor=cc.handler)
    assert Notice.objects.filter(recipient=cc.leader, title__contains=problem.code).exists()
    with pytest.raises(ApplicationError):
        actions.case_rate(case=problem, rating=5, solved=True, actor=cc.operator)
    problem = actions.case_reject(case=problem, reason="整改不彻底", actor=cc.leader)
    assert problem.status == "in_progress"
    problem = actions.case_reply(case=problem, reply="已彻底整改", actor=cc.handler)
    with pytest.raises(PermissionDenied):
        actions.case_verify(case=problem, actor=cc.handler)
    problem = actions.case_verify(case=problem, note="复查合格", actor=cc.leader)
    assert problem.status == "closed"


def test_the_clock_closes_an_unrated_reply_after_seven_days_as_unrated(cc, make_case):
    case = make_case("replied")
    assert clock.sweep(at=case.replied_at + timedelta(days=6)) == {"reminded": 0, "escalated": 0}
    with clock.frozen_at(case.replied_at + timedelta(days=7, minutes=1)):
        clock.sweep()
    case.refresh_from_db()
    assert case.status == "closed" and case.unrated_close and case.rating is None
    assert case.events.last().action == "autoclose"


def test_the_citizen_may_withdraw_only_before_dispatch(cc, make_case):
    case, _ = receive(cc)
    case = actions.case_withdraw(case=case, actor=Actor.citizen())
    assert case.status == "withdrawn"
    later = make_case("dispatched")
    with pytest.raises(ApplicationError):
        actions.case_withdraw(case=later, actor=Actor.citizen())

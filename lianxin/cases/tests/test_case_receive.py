"""case_receive: a new case from the portal, an operator or staff (internal problem)."""

import pytest
from django.core.exceptions import PermissionDenied

from lianxin.cases import codes
from lianxin.cases.models import Case, CaseEvent, Channel, Kind
from lianxin.core.errors import ApplicationError

from .conftest import receive


def test_a_web_case_gets_a_dated_code_and_a_secret_that_opens_it(cc):
    case, secret = receive(cc)
    assert case.status == "received"
    assert len(case.code) == 12 and case.code[:8].isdigit()
    assert codes.secret_matches(case.code, secret, case.secret_digest)
    assert not codes.secret_matches(case.code, "WRONG123", case.secret_digest)
    assert secret not in case.secret_digest  # only a digest is kept
    second, _ = receive(cc)
    assert int(second.code[-4:]) == int(case.code[-4:]) + 1
    event = case.events.get()
    assert (event.action, event.public, event.actor_label) == ("receive", True, "citizen")


def test_a_double_clicked_submit_makes_one_case_whose_latest_secret_opens_it(cc):
    first, secret1 = receive(cc, submit_token="tok-1", client="session:a")
    again, secret2 = receive(cc, submit_token="tok-1", client="session:a")
    assert first.pk == again.pk and Case.objects.count() == 1
    again.refresh_from_db()
    assert codes.secret_matches(again.code, secret2, again.secret_digest)
    assert not codes.secret_matches(again.code, secret1, again.secret_digest)


def test_a_token_finds_only_the_case_of_the_same_client_and_channel(cc):
    mine, secret = receive(cc, submit_token="tok-1", client="session:a")
    other, other_secret = receive(cc, submit_token="tok-1", client="session:b")
    forum, _s = receive(cc, submit_token="tok-1", client="session:a", channel="forum")
    assert len({mine.pk, other.pk, forum.pk}) == 3
    mine.refresh_from_db()
    assert codes.secret_matches(mine.code, secret, mine.secret_digest)  # untouched
    assert not codes.secret_matches(mine.code, other_secret, mine.secret_digest)


def test_the_secret_is_random_long_and_not_derived_from_the_token(cc):
    a, secret_a = receive(cc, submit_token="same", client="session:a")
    b, secret_b = receive(cc, submit_token="same", client="session:b")
    assert secret_a != secret_b
    assert len(codes.normalize_secret(secret_a)) == 12
    assert a.submit_key and a.submit_key != "same" and "same" not in a.submit_key


def test_an_overlong_token_is_refused_with_a_message(cc):
    with pytest.raises(ApplicationError) as err:
        receive(cc, submit_token="x" * 500, client="session:a")
    assert err.value.field == "submit_token" and Case.objects.count() == 0


@pytest.mark.parametrize(
    "change, field, message",
    [
        ({"content": "   "}, "content", "内容不能为空"),
        ({"content": "坑" * 20000}, "content", "20000"),
        ({"citizen_phone": "12345"}, "citizen_phone", "不是有效的电话号码"),
        ({"citizen_phone": ""}, "citizen_phone", "电话"),
        ({"category": 999999}, "category", "分类"),
        ({"kind": "gossip"}, "kind", "类型"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_written(cc, change, field, message):
    with pytest.raises(ApplicationError) as err:
        receive(cc, **change)
    assert err.value.field == field
    assert message in str(err.value.message)
    assert Case.objects.count() == 0 and CaseEvent.objects.count() == 0


def test_a_category_of_another_organisation_is_unknown(cc):
    with pytest.raises(ApplicationError):
        receive(cc, category=cc.other_cat)


def test_an_operator_may_take_an_anonymous_call_and_staff_raise_internal_problems(cc):
    case, _ = receive(cc, channel=Channel.HOTLINE, citizen_phone="", actor=cc.operator)
    assert case.received_by == cc.operator
    problem, _ = receive(cc, kind=Kind.PROBLEM, channel=Channel.INSPECTION, actor=cc.leader)
    assert problem.issuer == cc.people.leader and not problem.is_public
    with pytest.raises(ApplicationError):
        receive(cc, kind=Kind.PROBLEM, channel=Channel.INSPECTION)  # not from the public


def test_staff_register_cases_for_their_own_organisation_only_and_someone_always_does(cc):
    with pytest.raises(PermissionDenied):  # 外县's leader, not staff of this organisation
        receive(cc, channel=Channel.HOTLINE, actor=cc.outsider)
    with pytest.raises(TypeError):  # None once stood for the citizen
        receive(cc, actor=None)
    assert not Case.objects.exists()
    case, _secret = receive(cc, channel=Channel.HOTLINE, actor=cc.operator)
    assert case.received_by == cc.operator

"""Extensions are decided above the lead unit: by the organisation's dispatchers and
supervisors by default, configurable per organisation, never by the unit itself."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from conftest import make_person
from lianxin.cases import actions
from lianxin.cases.models import Extension, ExtensionRule
from lianxin.core.errors import ApplicationError
from lianxin.core.models import Notice
from lianxin.org.models import Role


@pytest.fixture
def asked(cc, make_case):
    case = make_case("in_progress")
    actions.case_request_extension(case=case, workdays=3, reason="需协调交警", actor=cc.handler)
    return case


def test_the_request_goes_to_the_dispatchers_and_supervisors(cc, asked):
    for user in (cc.dispatcher, cc.supervisor):
        assert Notice.objects.filter(recipient=user, title__contains=asked.code).exists()


def test_the_lead_units_own_leader_is_refused_with_a_reason(cc, asked):
    with pytest.raises(ApplicationError) as err:
        actions.case_decide_extension(case=asked, approve=True, actor=cc.station_leader)
    assert "甲站" in str(err.value.message)
    assert asked.extensions.get().state == Extension.State.PENDING


def test_the_organs_leader_decides_only_when_the_organisation_allows_it(cc, asked):
    with pytest.raises(ApplicationError) as err:
        actions.case_decide_extension(case=asked, approve=True, actor=cc.leader)
    assert err.value.code == "not_decider"
    actions.extension_rule_set(
        root=cc.root, dispatchers=False, supervisors=True, leaders_above=True, actor=cc.admin
    )
    with pytest.raises(ApplicationError):
        actions.case_decide_extension(case=asked, approve=True, actor=cc.dispatcher)
    actions.case_decide_extension(case=asked, approve=True, actor=cc.leader)
    assert asked.extensions.get().state == Extension.State.APPROVED


def test_for_the_organs_own_office_its_staff_are_refused_and_the_leader_above_decides(
    cc, make_case
):
    case = actions.case_dispatch(case=make_case("received"), unit=cc.office, actor=cc.dispatcher)
    clerk = make_person("clerk", "办公室承办", cc.office, roles=[(Role.HANDLER, cc.office)])
    actions.case_accept(case=case, actor=clerk.user)
    actions.case_request_extension(case=case, workdays=2, reason="待会商", actor=clerk.user)
    for user in (cc.dispatcher, cc.supervisor):  # both sit in the office
        with pytest.raises(ApplicationError) as err:
            actions.case_decide_extension(case=case, approve=True, actor=user)
        assert err.value.code == "own_unit"
    actions.case_decide_extension(case=case, approve=True, actor=cc.leader)
    assert case.extensions.get().state == Extension.State.APPROVED


def test_the_rule_needs_someone_and_only_an_administrator_sets_it(cc, login):
    with pytest.raises(ApplicationError):
        actions.extension_rule_set(
            root=cc.root, dispatchers=False, supervisors=False, leaders_above=False, actor=cc.admin
        )
    with pytest.raises(PermissionDenied):
        actions.extension_rule_set(
            root=cc.root, dispatchers=True, supervisors=True, leaders_above=True, actor=cc.leader
        )
    assert not ExtensionRule.objects.exists()
    client = login(cc.admin)
    response = client.post(reverse("workbench:extension_rule"), {"supervisors": "on"})
    assert response.status_code == 302
    rule = ExtensionRule.objects.get()
    assert (rule.dispatchers, rule.supervisors, rule.leaders_above) == (False, True, False)
    assert login(cc.outsider).post(reverse("workbench:extension_rule"), {}).status_code == 403

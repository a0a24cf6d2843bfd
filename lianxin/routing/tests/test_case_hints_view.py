"""The dispatcher's case page: suggestions, merge candidates, and the choice recorded."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lianxin.cases import actions as case_actions
from lianxin.core.actor import Actor
from lianxin.routing import actions
from lianxin.routing.models import DispatchChoice

pytestmark = pytest.mark.django_db


def test_the_dispatcher_sees_the_station_and_a_merge_candidate(register, login, make_case):
    first = make_case("dispatched", content="G205 K12+300 路面有一个大坑，晚上骑车很危险")
    second = make_case("received", content="G205 K12+300 路面有个大坑，骑车很危险")
    client = login(register.dispatcher)
    assert (
        "routing/cases/"
        in client.get(reverse("workbench:case_detail", args=[second.code])).content.decode()
    )
    html = client.get(reverse("workbench:routing_case_hints", args=[second.code])).content.decode()
    assert f'data-route-unit="{register.station_a.pk}">甲站' in html
    assert first.code in html and 'name="merge-original"' in html


def test_others_on_the_case_get_404(register, login, make_case):
    case = make_case("dispatched")
    url = reverse("workbench:routing_case_hints", args=[case.code])
    assert login(register.handler).get(url).status_code == 404
    assert login(register.outsider).get(url).status_code == 404


def test_a_dispatch_against_the_suggestion_is_recorded(cc, django_capture_on_commit_callbacks):
    actions.rule_save(root=cc.root, keyword="大坑", unit=cc.station_a, actor=cc.admin)
    from .conftest import receive

    case, _ = receive(cc)
    with django_capture_on_commit_callbacks(execute=True):
        case_actions.case_dispatch(case=case, unit=cc.station_b, actor=cc.dispatcher)
    choice = DispatchChoice.objects.get()
    assert (choice.suggested, choice.chosen, choice.case) == (cc.station_a, cc.station_b, case)


def test_a_suggested_unit_no_longer_of_the_organisation_is_recorded_as_none(cc):
    from lianxin.routing.feedback import record_choice

    from .conftest import receive

    case, _ = receive(cc)
    outside = record_choice(
        case=case, chosen=cc.station_b, suggested_id=cc.other.pk, actor=cc.dispatcher
    )
    missing = record_choice(
        case=case, chosen=cc.station_b, suggested_id=999_999, actor=Actor.system()
    )
    kept = record_choice(
        case=case, chosen=cc.station_b, suggested_id=cc.station_a.pk, actor=cc.dispatcher
    )
    assert outside.suggested is None and missing.suggested is None
    assert kept.suggested == cc.station_a

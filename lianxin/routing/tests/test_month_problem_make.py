"""Hotspots of a month and the problem of the month a leader makes from one in one step."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from lianxin.cases.models import Case, Channel, Kind
from lianxin.core import clock
from lianxin.routing.models import MonthProblem

from .conftest import receive

pytestmark = pytest.mark.django_db
MID_NOVEMBER = timezone.make_aware(datetime(2026, 11, 20, 10, 0))
PAGE = reverse("workbench:routing_hotspots")
MAKE = reverse("workbench:routing_hotspot_problem")


@pytest.fixture
def cluster(register):
    """Three pothole calls at G205 K12 in November (two from one caller), one in October."""
    cases = []
    for days, phone in ((1, "13812345678"), (3, "13812345678"), (5, "13700000000")):
        with clock.frozen_at(MID_NOVEMBER - timedelta(days=days)):
            cases.append(
                receive(register, content="G205 K12+300 路面有大坑", citizen_phone=phone)[0]
            )
    with clock.frozen_at(MID_NOVEMBER - timedelta(days=40)):
        receive(register, content="G205 K12+800 路面坑槽")
    return cases


def test_the_page_shows_the_hotspot_its_growth_and_the_repeated_caller(cluster, register, login):
    with clock.frozen_at(MID_NOVEMBER):
        html = login(register.leader).get(PAGE).content.decode()
    assert "G205 K12" in html and "路面病害" in html
    assert "138****5678" in html
    for case in cluster:
        assert case.code in html


def test_a_leader_turns_the_hotspot_into_a_problem_case_once(cluster, register, login):
    client = login(register.leader)
    data = {"month": "2026-11", "category": register.road.pk, "place": "G205 K12"}
    with clock.frozen_at(MID_NOVEMBER):
        page = client.post(MAKE, data)
    problem = Case.objects.get(kind=Kind.PROBLEM)
    assert page.status_code == 302 and page["Location"].endswith(f"/{problem.code}/")
    assert problem.channel == Channel.LEADER and problem.category == register.road
    for case in cluster:
        assert case.code in problem.content
    made = MonthProblem.objects.get()
    assert set(made.cases.all()) == set(cluster)
    with clock.frozen_at(MID_NOVEMBER):
        again = client.post(MAKE, data, follow=True)
    assert problem.code in again.content.decode()  # "already problem ..."
    assert Case.objects.filter(kind=Kind.PROBLEM).count() == 1


def test_a_place_without_cases_is_refused_and_nothing_made(cluster, register, login):
    data = {"month": "2026-11", "category": register.road.pk, "place": "不存在的地方"}
    with clock.frozen_at(MID_NOVEMBER):
        login(register.leader).post(MAKE, data)
    assert not Case.objects.filter(kind=Kind.PROBLEM).exists()


def test_only_leaders_make_problems_and_outsiders_see_none_of_ours(cluster, register, login):
    data = {"month": "2026-11", "category": register.road.pk, "place": "G205 K12"}
    with clock.frozen_at(MID_NOVEMBER):
        assert login(register.dispatcher).get(PAGE).status_code == 200
        assert login(register.dispatcher).post(MAKE, data).status_code == 404
        # the other organisation's leader sees his own hotspots, none of ours
        page = login(register.outsider).get(PAGE)
        assert page.status_code == 200 and cluster[0].code not in page.content.decode()
        login(register.outsider).post(MAKE, data)
        assert login(register.handler).get(PAGE).status_code == 404
    assert not Case.objects.filter(kind=Kind.PROBLEM).exists()

"""The routing setup page: keyword rules and the road register, for administrators only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lianxin.routing.models import KeywordRule, RoadSection

pytestmark = pytest.mark.django_db
URL = reverse("workbench:routing_setup")


def test_an_admin_adds_a_road_section_and_a_rule(cc, login):
    client = login(cc.admin)
    page = client.post(
        URL,
        {
            "form": "section",
            "route": "205国道",
            "start": "K12+300",
            "end": "K25",
            "places": "甲村",
            "station": cc.station_a.pk,
        },
    )
    assert page.status_code == 302
    section = RoadSection.objects.get()
    assert (section.route, section.start_m, section.end_m) == ("G205", 12300, 25000)
    page = client.post(
        URL, {"form": "rule", "keyword": "收费", "unit": cc.office.pk, "priority": 7}
    )
    assert page.status_code == 302
    html = client.get(URL).content.decode()
    assert "K12+300" in html and "收费" in html


@pytest.mark.parametrize(
    "data",
    [
        {"route": "G205", "start": "12公里", "end": "K25"},  # not a stake
        {"route": "G205", "start": "K25", "end": "K12"},  # backwards
        {"route": "", "start": "K1", "end": "K2"},  # stakes without a route
        {"route": "", "start": "", "end": ""},  # nothing to match
    ],
)
def test_bad_sections_are_shown_again_with_the_reason(cc, login, data):
    page = login(cc.admin).post(URL, {"form": "section", "station": cc.station_a.pk, **data})
    assert page.status_code == 400
    assert "invalid-feedback" in page.content.decode() or "alert-danger" in page.content.decode()
    assert not RoadSection.objects.exists()


def test_a_rule_needs_a_unit_or_a_category(cc, login):
    page = login(cc.admin).post(URL, {"form": "rule", "keyword": "收费", "priority": 5})
    assert page.status_code == 400
    assert not KeywordRule.objects.exists()


@pytest.mark.parametrize("who", ["operator", "dispatcher", "leader", "outsider"])
def test_others_than_admins_get_404(cc, login, who):
    assert login(getattr(cc, who)).get(URL).status_code == 404
    login(getattr(cc, who)).post(URL, {"form": "rule", "keyword": "x", "unit": cc.office.pk})
    assert not KeywordRule.objects.exists()


def test_the_page_takes_as_many_queries_for_3_rules_and_sections_as_for_15(cc, login):
    from conftest import count_queries
    from lianxin.routing import actions

    def add(start, n):
        for i in range(start, start + n):
            station = cc.station_a if i % 2 else cc.station_b
            actions.rule_save(
                root=cc.root, keyword=f"关键词{i}", unit=station,
                category=cc.road if i % 3 else None, actor=cc.admin,
            )  # fmt: skip
            actions.section_save(
                root=cc.root, station=station, route=f"X{100 + i}", start="K1+000",
                end="K2+000", actor=cc.admin,
            )  # fmt: skip

    client = login(cc.admin)
    add(0, 3)
    page, few = count_queries(client, URL)
    assert "关键词2" in page.text and "X102" in page.text
    add(3, 12)
    page, many = count_queries(client, URL)
    assert "关键词14" in page.text and "X114" in page.text
    assert many == few

"""The fast-entry hints (htmx): suggested units and categories, and near-duplicates."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from lianxin.routing import actions

pytestmark = pytest.mark.django_db
URL = reverse("workbench:routing_hints")


def _units(html: str) -> list[str]:
    """Names on the unit buttons, best first."""
    return re.findall(r'data-route-unit="\d+">([^<]+)</button>', html)


def test_a_road_stake_puts_the_right_station_in_the_top_three(register, login):
    page = login(register.operator).get(URL, {"content": "G205 K12+300 路面有个大坑，请修补"})
    assert page.status_code == 200
    assert _units(page.content.decode())[:3][0] == "甲站"
    page = login(register.operator).get(URL, {"content": "205国道25公里处路面塌陷了"})
    assert _units(page.content.decode())[0] == "乙站"


def test_a_village_of_the_register_names_its_station(register, login):
    page = login(register.operator).get(URL, {"content": "边沟堵了，水漫到路上", "place": "乙村口"})
    assert "乙站" in _units(page.content.decode())[:3]


def test_keyword_rules_suggest_before_any_training(cc, login):
    actions.rule_save(
        root=cc.root, keyword="收费", unit=cc.office, category=cc.fee, priority=8, actor=cc.admin
    )
    html = login(cc.dispatcher).get(URL, {"content": "收费站工作人员乱收费"}).content.decode()
    assert _units(html) == ["办公室"]
    assert f'data-route-category="{cc.fee.pk}">收费服务' in html
    html = login(cc.dispatcher).get(URL, {"content": "今天天气很好"}).content.decode()
    assert _units(html) == []


def test_the_same_caller_reporting_the_same_is_shown(cc, login, make_case):
    earlier = make_case("dispatched", content="青山路K12+300处有一个大坑，晚上骑车很危险，请修补。")
    html = (
        login(cc.operator)
        .get(
            URL, {"content": "青山路K12+300处有个大坑，骑车很危险", "citizen_phone": "13812345678"}
        )
        .content.decode()
    )
    assert earlier.code in html
    assert "该来电人" in html or "This caller" in html
    other = login(cc.operator).get(URL, {"content": "收费站排队太久，建议多开窗口"})
    assert earlier.code not in other.content.decode()


def test_a_closed_case_is_no_duplicate(cc, login, make_case):
    closed = make_case("closed", content="青山路K12+300处有一个大坑，晚上骑车很危险，请修补。")
    html = login(cc.operator).get(URL, {"content": "青山路K12+300处有一个大坑，晚上骑车很危险"})
    assert closed.code not in html.content.decode()


@pytest.mark.parametrize("who", ["handler", "station_leader", "outsider"])
def test_staff_who_neither_register_nor_dispatch_get_404(cc, login, who):
    assert login(getattr(cc, who)).get(URL, {"content": "大坑"}).status_code == 404


def test_a_login_without_staff_profile_is_refused(cc, login):
    assert login(cc.nobody).get(URL, {"content": "大坑"}).status_code == 403

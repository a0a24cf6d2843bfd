"""The organisation's scorecard: units ranked by the composite or any component, leaders,
红黑榜, freezing from the page; a fixed number of queries however many cases."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.stats.actions import scorecard_freeze
from lianxin.stats.models import Snapshot

from .conftest import NOVEMBER, _case, at

PAGE = "/workbench/scorecards/?month=2026-11"


def test_units_are_ranked_with_the_components_beside(november, login):
    with clock.frozen_at(at(2026, 12, 10, 9)):
        html = login(november.leader).get(PAGE).content.decode()
    assert html.index("乙站") < html.index("甲站")  # 100.0 before 72.5
    assert "72.5" in html and "100.0" in html
    for label in ("走访", "民情日记", "学习", "处分"):
        assert label in html
    assert "lx-rank-data" in html


def test_ranking_by_a_component_reorders(november, login):
    with clock.frozen_at(at(2026, 12, 10, 9)):
        html = login(november.leader).get(PAGE + "&by=on_time").content.decode()
    # 乙站 has no reply in November: without a figure it goes last.
    assert html.index("甲站") < html.index("乙站", html.index("lx-rank-data"))


def test_a_station_sees_only_itself_and_the_organ(november, login):
    with clock.frozen_at(at(2026, 12, 10, 9)):
        html = login(november.handler).get(PAGE).content.decode()
    assert "甲站" in html and "乙站" not in html and "测试公路段" in html


def test_an_administrator_freezes_and_recomputes_with_a_reason(november, login):
    client = login(november.admin)
    with clock.frozen_at(at(2026, 12, 10, 9)):
        client.post("/workbench/scorecards/2026-11/freeze/", {"reason": ""})
        page = client.post("/workbench/scorecards/2026-11/freeze/", {"reason": ""}, follow=True)
        assert "重新计算须填写理由" in page.content.decode()
        client.post("/workbench/scorecards/2026-11/freeze/", {"reason": "回访记录更正"})
        html = client.get(PAGE).content.decode()
    assert Snapshot.objects.count() == 2 and "回访记录更正" in html


def test_a_station_leader_cannot_freeze(november, login):
    with clock.frozen_at(at(2026, 12, 10, 9)):
        response = login(november.station_leader).post("/workbench/scorecards/2026-11/freeze/")
    assert response.status_code == 403 and not Snapshot.objects.exists()


@pytest.mark.parametrize("frozen", [False, True])
def test_the_ranking_page_takes_the_same_queries_for_more_cases(november, login, frozen):
    client = login(november.leader)

    def count():
        with clock.frozen_at(at(2026, 12, 10, 9)), CaptureQueriesContext(connection) as ctx:
            assert client.get(PAGE).status_code == 200
        return len(ctx)

    if frozen:
        with clock.frozen_at(at(2026, 12, 9, 9)):
            scorecard_freeze(root=november.root, month=NOVEMBER, actor=Actor.system())
    before = count()
    h = november.people.handler_b
    for day in (10, 11, 12):
        _case(
            november,
            november.station_b,
            h,
            when=at(2026, 11, day, 9),
            accept_at=at(2026, 11, day, 10),
            reply_at=at(2026, 11, day + 1, 10),
            rating=4,
        )
    assert count() == before
    # fixed: the second factor's device, the menu's routing entries (2), and one query per
    # registered component when live
    assert before <= (18 if frozen else 39)

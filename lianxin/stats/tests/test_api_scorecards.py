"""GET /api/v1/scorecards/{month}: the shape issue 14 fixes, rates as fractions or null."""

from datetime import datetime

from django.test import Client

from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.stats.actions import scorecard_freeze

from .conftest import NOVEMBER, at

URL = "/api/v1/scorecards/2026-11"


def test_the_shape_of_a_frozen_month(november, login):
    with clock.frozen_at(at(2026, 12, 9, 9)):
        scorecard_freeze(root=november.root, month=NOVEMBER, actor=Actor.system())
    with clock.frozen_at(at(2026, 12, 10, 9)):
        body = login(november.leader).get(URL).json()
    assert set(body) == {"month", "frozen_at", "weights", "units", "leaders"}
    assert body["month"] == "2026-11" and datetime.fromisoformat(body["frozen_at"])
    assert body["weights"] == {"response": 30.0, "resolution": 35.0, "satisfaction": 35.0}
    units = {u["unit"]["name"]: u for u in body["units"]}
    assert set(units) == {"测试公路段", "办公室", "甲站", "乙站"}
    a = units["甲站"]
    assert set(a) == {
        "unit",
        "leader",
        "received",
        "response",
        "on_time",
        "resolution",
        "satisfaction",
        "composite",
    }
    assert a["unit"] == {"id": november.station_a.pk, "name": "甲站"}
    assert a["leader"] == "吴站长" and a["received"] == 3
    assert a["response"] == {"num": 2, "den": 3, "rate": 0.6667}
    assert a["satisfaction"] == {"num": 1, "den": 2, "rate": 0.5}
    assert a["composite"] == 72.5
    assert units["乙站"]["on_time"] == {"num": 0, "den": 0, "rate": None}
    assert units["办公室"]["composite"] is None
    leader = next(r for r in body["leaders"] if r["person"]["name"] == "吴站长")
    assert leader["role"] == "leader" and leader["unit"]["name"] == "甲站"
    assert leader["response"]["rate"] == 0.6667


def test_a_month_not_frozen_has_live_figures_and_no_frozen_at(november, login):
    with clock.frozen_at(at(2026, 12, 2, 9)):
        body = login(november.leader).get(URL).json()
    assert body["frozen_at"] is None
    assert {u["unit"]["name"] for u in body["units"]} >= {"甲站"}


def test_a_station_sees_itself_and_the_organ_and_an_outsider_nothing_of_ours(november, login):
    with clock.frozen_at(at(2026, 12, 10, 9)):
        mine = login(november.handler).get(URL).json()
        theirs = login(november.outsider).get(URL).json()
    assert {u["unit"]["name"] for u in mine["units"]} == {"测试公路段", "甲站"}
    assert {r["unit"]["name"] for r in mine["leaders"]} <= {"测试公路段", "甲站"}
    assert {u["unit"]["name"] for u in theirs["units"]} == {"外县公路段"}
    assert theirs["units"][0]["received"] == 1  # its own case only


def test_a_bad_month_is_400_and_anonymous_401(november, login):
    response = login(november.leader).get("/api/v1/scorecards/2026-13")
    assert response.status_code == 400 and response.json()["detail"][0]["field"] == "month"
    assert Client().get(URL).status_code == 401

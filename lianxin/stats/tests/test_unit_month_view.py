"""A unit's month: every figure a link to its records; who may open it (others get 404)."""

import re

import pytest

from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.stats.actions import scorecard_freeze

from .conftest import NOVEMBER, at


def url(unit, month="2026-11"):
    return f"/workbench/scorecards/units/{unit.pk}/{month}/"


@pytest.fixture
def frozen(november):
    with clock.frozen_at(at(2026, 12, 9, 9)):
        scorecard_freeze(root=november.root, month=NOVEMBER, actor=Actor.system())
    return november


def test_the_station_sees_its_month_with_every_figure_a_link(frozen, login):
    with clock.frozen_at(at(2026, 12, 10, 9)):
        page = login(frozen.handler).get(url(frozen.station_a))
    assert page.status_code == 200
    html = page.content.decode()
    assert "72.5" in html and "66.7%" in html and "50.0%" in html
    base = f"/workbench/scorecards/units/{frozen.station_a.pk}/2026-11/cases/"
    links = set(re.findall(re.escape(base) + r"([a-z_]+)/", html))
    assert links >= {
        "received",
        "response",
        "response_den",
        "on_time",
        "on_time_den",
        "resolution",
        "satisfaction",
        "rated",
        "fair",
        "excluded",
        "returns",
        "extensions",
        "reminders",
        "supervisions",
        "reopened",
        "overdue",
    }
    assert "/workbench/liaison/cadence/?month=2026-11" in html  # components link to their apps
    assert "lx-trend-data" in html and "<script>" not in html.replace("<script src", "")


def test_no_button_leads_to_a_month_that_has_not_begun(frozen, login):
    client = login(frozen.handler)
    with clock.frozen_at(at(2026, 12, 10, 9)):
        november = client.get(url(frozen.station_a)).content.decode()
        december = client.get(url(frozen.station_a, "2026-12")).content.decode()
    assert url(frozen.station_a, "2026-12") in november
    assert url(frozen.station_a, "2027-01") not in december
    assert url(frozen.station_a, "2026-11") in december


def test_a_station_sees_the_organ_but_not_another_station(frozen, login):
    client = login(frozen.handler)
    with clock.frozen_at(at(2026, 12, 10, 9)):
        assert client.get(url(frozen.root)).status_code == 200
        assert client.get(url(frozen.station_b)).status_code == 404
        assert client.get(url(frozen.station_b) + "cases/received/").status_code == 404


def test_the_level_above_sees_every_unit_below(frozen, login):
    client = login(frozen.leader)
    with clock.frozen_at(at(2026, 12, 10, 9)):
        for unit in (frozen.station_a, frozen.station_b, frozen.office, frozen.root):
            assert client.get(url(unit)).status_code == 200


@pytest.mark.parametrize("who", ["outsider", "handler_b"])
def test_outsiders_get_404(frozen, login, who):
    with clock.frozen_at(at(2026, 12, 10, 9)):
        response = login(getattr(frozen, who)).get(url(frozen.station_a))
    assert response.status_code == 404
    assert "甲站" not in response.content.decode()


def test_a_bad_month_or_unknown_unit_is_404(frozen, login):
    client = login(frozen.leader)
    assert client.get(url(frozen.station_a, "2026-13")).status_code == 404
    assert client.get("/workbench/scorecards/units/999999/2026-11/").status_code == 404


def test_the_level_above_comments_and_the_station_cannot(frozen, login):
    client = login(frozen.station_leader)
    with clock.frozen_at(at(2026, 12, 10, 9)):
        client.post(url(frozen.station_a) + "comment/", {"text": "自己表扬自己"})
        client = login(frozen.leader)
        client.post(url(frozen.station_a) + "comment/", {"text": "  "})
        client.post(url(frozen.station_a) + "comment/", {"text": "迟复件偏多，下月整改。"})
        page = client.get(url(frozen.station_a)).content.decode()
    assert "迟复件偏多，下月整改。" in page and "自己表扬自己" not in page
    from lianxin.stats.models import MonthComment

    assert MonthComment.objects.count() == 1

"""Who sees which party work, on every page and API endpoint: a station its own, the
party-building office everything, others nothing (404)."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from lianxin.core import clock
from lianxin.partywork import actions

FULL = dict.fromkeys(
    ["thinking", "activities", "problems", "next_steps"], "本月情况正常，按计划开展。"
)


@pytest.fixture
def work(pw):
    with clock.frozen_at(timezone.make_aware(datetime(2026, 11, 20, 10))):
        plan = actions.plan_create(unit=pw.station_a, month=date(2026, 11, 1), actor=pw.sec_a)
        report = actions.report_save(
            unit=pw.station_a, month=date(2026, 10, 1), actor=pw.sec_a, **FULL
        )
    g = actions.guidance_issue(
        root=pw.root, title="只发甲站的文件", body="……", units=[pw.station_a], actor=pw.officer
    )
    session = actions.session_plan(
        unit=pw.station_a,
        topic="甲站学习",
        actor=pw.sec_a,
        starts_at=timezone.make_aware(datetime(2026, 11, 10, 15)),
    )
    a = pw.station_a.pk
    return {
        "pages": [
            f"/workbench/partywork/units/{a}/plans/2026-11/",
            f"/workbench/partywork/units/{a}/reports/2026-10/",
            f"/workbench/partywork/units/{a}/study/",
            f"/workbench/partywork/study/{session.pk}/",
            f"/workbench/partywork/guidance/{g.pk}/",
            f"/api/v1/partywork/units/{a}/plans/2026-11",
            f"/api/v1/partywork/units/{a}/reports/2026-10",
        ],
        "plan": plan,
        "report": report,
        "guidance": g,
    }


def test_the_station_and_the_office_see_it(pw, work, login):
    for user in (pw.sec_a, pw.officer, pw.station_leader, pw.leader):
        client = login(user)
        for url in work["pages"]:
            assert client.get(url).status_code == 200, (user.username, url)


def test_everyone_else_gets_404(pw, work, login):
    for user in (pw.sec_b, pw.handler_b, pw.outsider):
        client = login(user)
        for url in work["pages"]:
            response = client.get(url)
            assert response.status_code == 404, (user.username, url)
            assert "只发甲站的文件" not in response.content.decode()
        assert (
            client.post(
                f"/workbench/partywork/guidance/{work['guidance'].pk}/confirm/{pw.station_a.pk}/"
            ).status_code
            == 404
        )
        assert (
            client.post(
                f"/api/v1/partywork/guidance/{work['guidance'].pk}/receipts/{pw.station_a.pk}"
            ).status_code
            == 404
        )
    assert login(pw.nobody).get(work["pages"][0]).status_code == 403


def test_the_grid_shows_each_user_only_his_stations(pw, work, login):
    office = login(pw.officer).get("/workbench/partywork/").context["rows"]
    assert [r["unit"] for r in office] == [pw.station_a, pw.station_b]
    station_b = login(pw.sec_b).get("/workbench/partywork/").context["rows"]
    assert [r["unit"] for r in station_b] == [pw.station_b]
    api = login(pw.sec_b).get("/api/v1/partywork/grid").json()
    assert [r["unit"] for r in api] == ["乙站"]
    assert login(pw.sec_b).get("/workbench/partywork/guidance/new/").status_code == 403


def test_only_an_administrator_names_the_party_building_office(pw, login):
    assert login(pw.officer).get("/workbench/partywork/office/").status_code == 403
    r = login(pw.admin).post("/workbench/partywork/office/", {"unit": pw.office.pk})
    assert r.status_code == 302
    from lianxin.partywork.access import office_unit

    assert office_unit(pw.root) == pw.office


def test_the_stations_secretary_confirms_receipt_through_the_api(pw, work, login):
    url = f"/api/v1/partywork/guidance/{work['guidance'].pk}/receipts/{pw.station_a.pk}"
    assert login(pw.handler).post(url).status_code == 400  # a member, not the secretary
    r = login(pw.sec_a).post(url)
    assert r.status_code == 200 and r.json()["confirmed_at"]
    assert login(pw.sec_a).post(url).status_code == 400  # confirmed already

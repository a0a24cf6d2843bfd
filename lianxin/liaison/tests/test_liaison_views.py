"""Diary pages and API: a cadre sees his own diary, his leaders those under them, nobody else;
the cadence page; research visits whose problems become cases."""

import json
from datetime import date, datetime

import pytest
from django.utils import timezone

from lianxin.core import clock
from lianxin.liaison import actions
from lianxin.liaison.models import RaisedProblem

# Dates here follow the wall clock: also run at midnight in Beijing, a month end, a holiday.
pytestmark = pytest.mark.any_hour


def test_a_cadre_sees_his_diary_his_leaders_too_nobody_else(lx, login):
    visit = actions.visit_record(
        place=lx.village,
        kind="visit",
        day=date(2026, 11, 1),
        met="张三",
        said="路面有坑",
        actor=lx.handler,
    )
    url = f"/workbench/liaison/visits/{visit.pk}/"
    for user in (lx.handler, lx.station_leader, lx.leader):
        assert login(user).get(url).status_code == 200, user
    for user in (lx.handler_b, lx.outsider):
        response = login(user).get(url)
        assert response.status_code == 404 and "路面有坑" not in response.content.decode()
        assert login(user).get(f"/api/v1/liaison/visits/{visit.pk}").status_code == 404
    listing = login(lx.handler_b).get("/workbench/liaison/diaries/").content.decode()
    assert "张三" not in listing
    assert "张三" in login(lx.station_leader).get("/workbench/liaison/diaries/").content.decode()


def test_record_through_the_api_as_a_mobile_app_would(lx, login):
    client = login(lx.station_leader)
    r = client.post(
        "/api/v1/liaison/visits",
        json.dumps(
            {
                "place": lx.village.pk,
                "day": "2026-11-02",
                "met": "村主任",
                "said": "边沟堵塞",
                "needs": ["清理边沟"],
            }
        ),
        content_type="application/json",
    )
    assert r.status_code == 201 and r.json()["needs"][0]["case"] is None
    r = client.post(
        "/api/v1/liaison/visits",
        json.dumps({"place": lx.village.pk, "day": "2099-01-01", "met": "x", "said": "y"}),
        content_type="application/json",
    )
    assert r.status_code == 400 and r.json()["detail"][0]["field"] == "day"
    assert [v["met"] for v in client.get("/api/v1/liaison/visits").json()] == ["村主任"]


def test_cadence(lx, login):
    with clock.frozen_at(timezone.make_aware(datetime(2026, 11, 20, 10))):
        client = login(lx.leader)
        rows = client.get("/workbench/liaison/cadence/").context["rows"]
        assert [(r["point"].place.name, r["done"], r["state"]) for r in rows] == [
            ("甲村", 0, "due")
        ]
        actions.visit_record(
            place=lx.village,
            kind="visit",
            day=date(2026, 11, 20),
            met="村民",
            said="满意",
            actor=lx.station_leader,
        )
        rows = client.get("/workbench/liaison/cadence/").context["rows"]
        assert rows[0]["state"] == "done"
    with clock.frozen_at(timezone.make_aware(datetime(2026, 12, 2, 10))):
        rows = (
            login(lx.leader)
            .get("/workbench/liaison/cadence/", {"month": "2026-10"})
            .context["rows"]
        )
        assert rows[0]["state"] == "overdue"


def test_research_problems_become_cases_the_station_can_follow(lx, login):
    client = login(lx.leader)
    r = client.post(
        "/workbench/liaison/research/",
        {
            "station": lx.station_a.pk,
            "kind": "symposium",
            "day": "2026-11-10",
            "team": "张局长",
            "attendees": "甲站全体",
            "category": lx.category.pk,
            "problem-0": "除雪机械不足",
            "office-0": lx.office.pk,
        },
    )
    assert r.status_code == 302
    problem = RaisedProblem.objects.get()
    assert problem.case.kind == "problem" and problem.case.lead_unit == lx.office
    page = login(lx.handler).get("/workbench/liaison/research/").content.decode()
    assert "除雪机械不足" in page and problem.case.get_status_display() in page
    assert (
        "除雪机械不足"
        not in login(lx.handler_b).get("/workbench/liaison/research/").content.decode()
    )
    assert login(lx.handler).post("/workbench/liaison/research/", {}).status_code == 403

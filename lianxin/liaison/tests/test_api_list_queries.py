"""The liaison API's lists take as many queries for many rows as for few: research visits
(read by a station, whose leader sees only his station's), diary entries with their needs,
stints, contact points."""

from datetime import date

from conftest import count_queries
from lianxin.api.tests.client import bearer
from lianxin.core.actor import Actor
from lianxin.liaison import actions

from .test_research_view import research


def visits(lx, start: int, n: int) -> None:
    for i in range(start, start + n):
        actions.visit_record(
            place=lx.village,
            kind="visit",
            day=date(2026, 11, 1 + i),
            met="李大爷",
            said=f"涵洞堵了{i}",
            needs=[f"疏通涵洞{i}", f"修补路面{i}"],
            actor=lx.station_leader,
        )


def stints(lx, start: int, n: int) -> None:
    for i in range(start, start + n):
        actions.stint_plan(
            person=lx.people.station_leader,
            place=lx.village,
            starts_on=date(2026, 1 + i, 1),
            ends_on=date(2026, 1 + i, 20),
            actor=Actor.system(),
        )


def test_research_visits_3_or_15(lx):
    client = bearer(lx.station_leader)  # reads his station's visits, not station B's
    research(lx, 0, 3)
    client.get("/api/v1/liaison/research")  # the token's first use is written down once
    r, few = count_queries(client, "/api/v1/liaison/research")
    assert {p["text"] for v in r.json() for p in v["problems"]} == {"除雪机械不足1"}
    research(lx, 3, 12)
    r, many = count_queries(client, "/api/v1/liaison/research")
    assert len(r.json()) == 7 and all(v["station"] == "甲站" for v in r.json())
    assert many == few


def test_diary_entries_with_their_needs_2_or_10(lx):
    client = bearer(lx.station_leader)
    visits(lx, 0, 2)
    client.get("/api/v1/liaison/visits")
    r, few = count_queries(client, "/api/v1/liaison/visits")
    assert len(r.json()) == 2 and len(r.json()[0]["needs"]) == 2
    visits(lx, 2, 8)
    r, many = count_queries(client, "/api/v1/liaison/visits")
    assert len(r.json()) == 10 and {n["text"] for n in r.json()[0]["needs"]} == {
        "疏通涵洞9",
        "修补路面9",
    }
    assert many == few


def test_stints_and_contact_points_2_or_8(lx):
    client = bearer(lx.leader)
    stints(lx, 0, 2)
    client.get("/api/v1/liaison/stints")
    _r, few = count_queries(client, "/api/v1/liaison/stints")
    _r, few_points = count_queries(client, "/api/v1/contact-points/")
    stints(lx, 2, 6)
    actions.contact_point_assign(person=lx.people.handler, place=lx.village, actor=lx.admin)
    actions.contact_point_assign(person=lx.people.handler_b, place=lx.school, actor=lx.admin)
    r, many = count_queries(client, "/api/v1/liaison/stints")
    assert len(r.json()) == 8 and {s["person_name"] for s in r.json()} == {"吴站长"}
    assert many == few
    r, many_points = count_queries(client, "/api/v1/contact-points/")
    assert len(r.json()) == 3
    assert many_points == few_points

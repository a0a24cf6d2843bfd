"""Administrators' page of places, contact points and stints: a fixed number of queries
however many."""

from datetime import date

from conftest import count_queries, make_person
from lianxin.liaison import actions
from lianxin.org.models import Role

URL = "/workbench/liaison/points/"


def assign(lx, start: int, n: int) -> None:
    for i in range(start, start + n):
        unit = lx.station_a if i % 2 else lx.station_b
        cadre = make_person(f"cadre{i}", f"驻点干部{i}", unit, roles=[(Role.HANDLER, unit)])
        place = actions.place_save(unit=unit, name=f"驻点村{i}", kind="village", actor=lx.admin)
        actions.contact_point_assign(person=cadre, place=place, actor=lx.admin)
        actions.stint_plan(
            person=cadre,
            place=place,
            starts_on=date(2026, 11, 1),
            ends_on=date(2026, 11, 30),
            actor=lx.admin,
        )


def test_the_page_takes_as_many_queries_for_3_points_as_for_15(lx, login):
    client = login(lx.admin)
    assign(lx, 0, 2)  # and the station leader's point
    page, few = count_queries(client, URL)
    assert "驻点干部1" in page.text
    assign(lx, 2, 12)
    page, many = count_queries(client, URL)
    assert "驻点干部13" in page.text and "驻点村13" in page.text
    assert many == few

"""Leaders read the diaries of the cadres under them: a fixed number of queries however
many entries and cadres."""

from datetime import date

from conftest import count_queries, make_person
from lianxin.liaison import actions
from lianxin.org.models import Role

from .test_diary_view import record

URL = "/workbench/liaison/diaries/"


def test_the_page_takes_as_many_queries_for_3_entries_as_for_15(lx, login):
    client = login(lx.station_leader)
    record(lx, 0, 3)
    page, few = count_queries(client, URL)
    assert "村民2" in page.text
    record(lx, 3, 9)
    for i in range(3):
        cadre = make_person(
            f"cadre{i}", f"新干部{i}", lx.station_a, roles=[(Role.HANDLER, lx.station_a)]
        )
        actions.visit_record(
            place=lx.village, kind="visit", day=date(2026, 11, 20 + i), met=f"村民{12 + i}",
            said="路面有坑", actor=cadre.user,
        )  # fmt: skip
    page, many = count_queries(client, URL)
    assert "村民14" in page.text and "新干部2" in page.text
    assert many == few

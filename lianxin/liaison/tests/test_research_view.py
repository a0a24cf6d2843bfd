"""The research visits page: the visits a reader may see, in a fixed number of queries
however many."""

from datetime import date

from conftest import count_queries
from lianxin.liaison import actions

URL = "/workbench/liaison/research/"


def research(lx, start: int, n: int) -> None:
    for i in range(start, start + n):
        actions.research_record(
            station=lx.station_a if i % 2 else lx.station_b,
            kind="symposium",
            day=date(2026, 11, 1 + i),
            team="张局长",
            attendees="全站职工",
            problems=[(f"除雪机械不足{i}", lx.office)],
            category=lx.category,
            actor=lx.leader,
        )


def test_the_page_takes_as_many_queries_for_3_visits_as_for_15(lx, login):
    client = login(lx.station_leader)  # reads his station's visits, not station B's
    research(lx, 0, 3)
    page, few = count_queries(client, URL)
    assert "除雪机械不足1" in page.text and "除雪机械不足2" not in page.text
    research(lx, 3, 12)
    page, many = count_queries(client, URL)
    assert "除雪机械不足13" in page.text and "除雪机械不足14" not in page.text
    assert many == few

"""The list of people of the organisation: a fixed number of queries however many people."""

from conftest import count_queries, make_person
from lianxin.org.models import Role

URL = "/workbench/org/people/"


def hire(cast, start: int, n: int) -> None:
    for i in range(start, start + n):
        unit = cast.station_a if i % 2 else cast.station_b
        make_person(f"worker{i}", f"养护工{i}", unit, roles=[(Role.HANDLER, unit)] if i % 3 else [])


def test_the_list_takes_as_many_queries_for_3_more_people_as_for_15(cast, login):
    client = login(cast.leader)
    hire(cast, 0, 3)
    page, few = count_queries(client, URL)
    assert "养护工2" in page.text
    hire(cast, 3, 12)
    page, many = count_queries(client, URL)
    assert "养护工14" in page.text
    assert many == few

"""The list of people of the organisation: a fixed number of queries however many people."""

from conftest import assert_queries_fixed, make_person
from lianxin.org.models import Role

URL = "/workbench/org/people/"


def hire(cast, start: int, n: int) -> None:
    for i in range(start, start + n):
        unit = cast.station_a if i % 2 else cast.station_b
        make_person(f"worker{i}", f"养护工{i}", unit, roles=[(Role.HANDLER, unit)] if i % 3 else [])


def test_the_list_takes_as_many_queries_for_3_more_people_as_for_15(cast, login):
    client = login(cast.leader)
    assert_queries_fixed(client, URL, lambda start, n: hire(cast, start, n), "养护工{}")

"""A cadre's own diary (民情日记): a fixed number of queries however many entries."""

from datetime import date

from conftest import assert_queries_fixed
from lianxin.liaison import actions

URL = "/workbench/liaison/"


def record(lx, start: int, n: int) -> None:
    for i in range(start, start + n):
        actions.visit_record(
            place=lx.village,
            kind="visit",
            day=date(2026, 11, 1 + i),
            met=f"村民{i}",
            said="路面有坑",
            needs=["修补坑槽", "增设路灯"] if i % 2 else [],
            actor=lx.station_leader,
        )


def test_the_diary_takes_as_many_queries_for_3_entries_as_for_15(lx, login):
    client = login(lx.station_leader)
    assert_queries_fixed(client, URL, lambda start, n: record(lx, start, n), "村民{}")

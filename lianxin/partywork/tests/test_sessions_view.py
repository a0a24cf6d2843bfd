"""A branch's study sessions: a fixed number of queries however many sessions."""

from datetime import datetime, timedelta

from django.utils import timezone

from conftest import assert_queries_fixed
from lianxin.partywork import actions


def plan(pw, start: int, n: int) -> None:
    first = timezone.make_aware(datetime(2026, 11, 2, 15))
    for i in range(start, start + n):
        actions.session_plan(
            unit=pw.station_a,
            topic=f"专题学习{i}",
            starts_at=first + timedelta(days=i),
            actor=pw.sec_a,
        )


def test_the_list_takes_as_many_queries_for_3_sessions_as_for_15(pw, login):
    client = login(pw.sec_a)
    url = f"/workbench/partywork/units/{pw.station_a.pk}/study/"
    assert_queries_fixed(client, url, lambda start, n: plan(pw, start, n), "专题学习{}")

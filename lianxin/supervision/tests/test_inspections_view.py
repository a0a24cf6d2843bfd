"""The list of inspections: a fixed number of queries however many inspections."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from conftest import assert_queries_fixed
from lianxin.core import clock
from lianxin.supervision import actions


def plan(cc, start: int, n: int) -> None:
    today = timezone.localdate(clock.now())
    for i in range(start, start + n):
        actions.inspection_plan(
            root=cc.root,
            subject=f"养护作业专项督查{i}",
            method="open",
            units=[cc.station_a, cc.station_b] if i % 2 else [cc.station_b],
            team=[cc.people.supervisor],
            starts_on=today,
            ends_on=today + timedelta(days=2),
            actor=cc.supervisor,
        )


def test_the_list_takes_as_many_queries_for_3_inspections_as_for_15(cc, login):
    client = login(cc.supervisor)
    url = reverse("workbench:inspections")
    assert_queries_fixed(client, url, lambda start, n: plan(cc, start, n), "养护作业专项督查{}")

"""The list of disputes: what the reader sees, and a fixed number of queries however many."""

from django.urls import reverse

from conftest import count_queries
from lianxin.mediation import actions


def open_disputes(cast, start: int, n: int) -> None:
    for i in range(start, start + n):
        unit, leader, mediator = (
            (cast.station_a, cast.station_leader, cast.people.station_leader)
            if i % 2
            else (cast.station_b, cast.admin, cast.people.handler_b)
        )
        actions.dispute_open(
            unit=unit,
            subject=f"村道赔偿纠纷{i}",
            category="roadwork",
            description="施工车辆压坏村道。",
            mediator=mediator,
            actor=leader,
        )


def test_the_list_takes_as_many_queries_for_3_disputes_as_for_15(cast, login):
    client = login(cast.leader)
    url = reverse("workbench:disputes")
    open_disputes(cast, 0, 3)
    page, few = count_queries(client, url)
    assert "村道赔偿纠纷2" in page.text
    open_disputes(cast, 3, 12)
    page, many = count_queries(client, url)
    assert "村道赔偿纠纷14" in page.text and "村道赔偿纠纷0" in page.text
    assert many == few


def test_a_station_sees_its_own_disputes_only(cast, login):
    open_disputes(cast, 0, 2)
    page = login(cast.station_leader).get(reverse("workbench:disputes"))
    assert "村道赔偿纠纷1" in page.text and "村道赔偿纠纷0" not in page.text

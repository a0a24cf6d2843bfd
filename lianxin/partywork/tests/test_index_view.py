"""The party-work page: the stations' monthly grid and the guidance sent, in a fixed number
of queries however many stations and guidance documents."""

from conftest import count_queries, make_person
from lianxin.core.actor import Actor
from lianxin.org import actions as org_actions
from lianxin.org.models import Role
from lianxin.partywork import actions

URL = "/workbench/partywork/"


def grow(pw, start: int, n: int) -> None:
    for i in range(start, start + n):
        station = org_actions.unit_create(
            name=f"新站{i}", kind="station", parent=pw.root, code=f"t-new{i}", actor=Actor.system()
        )
        make_person(f"sec{i}", f"书记{i}", station, roles=[(Role.SECRETARY, station)])
        actions.guidance_issue(
            root=pw.root,
            title=f"学习安排{i}",
            body="请各支部组织学习。",
            units=[station, pw.station_a],
            actor=pw.officer,
        )


def test_the_page_takes_as_many_queries_for_3_stations_as_for_15(pw, login):
    client = login(pw.officer)
    grow(pw, 0, 1)  # and stations A and B
    client.get(URL)  # the process reads the working-day calendar once and keeps it
    page, few = count_queries(client, URL)
    assert "学习安排0" in page.text and "新站0" in page.text
    grow(pw, 1, 12)
    page, many = count_queries(client, URL)
    assert "学习安排12" in page.text and "新站12" in page.text
    assert many == few

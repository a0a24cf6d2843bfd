"""A unit's problem list (问题清单): its internal problems, in a fixed number of queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from lianxin.cases import actions
from lianxin.cases.models import Channel, Kind

from .conftest import receive


def problem(cc, title):
    case, _ = receive(
        cc, kind=Kind.PROBLEM, channel=Channel.INSPECTION, actor=cc.leader, title=title
    )
    return actions.case_dispatch(case=case, unit=cc.station_a, actor=cc.leader)


def test_problem_list_shows_the_units_problems_in_fixed_queries(cc, login):
    client = login(cc.station_leader)
    url = f"/workbench/org/units/{cc.station_a.pk}/problems/"
    problem(cc, "问题一")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(8):
        problem(cc, f"问题{i + 2}")
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert "问题一" in page and "问题9" in page
    assert "整改时限" in page and "答复时限" not in page  # as an office writes it
    assert len(many) == len(few)
    other = login(cc.station_leader).get(f"/workbench/org/units/{cc.station_b.pk}/problems/")
    assert "问题一" not in other.content.decode()
    assert login(cc.outsider).get(url).status_code == 404

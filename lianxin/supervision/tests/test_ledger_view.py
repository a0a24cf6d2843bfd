"""The ledger page: every problem whatever its source, Chinese office columns, the organ's
own list for stations, a fixed number of queries, outsiders see nothing."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lianxin.cases import actions as case_actions
from lianxin.cases.models import Channel, Kind
from lianxin.supervision import actions


def organ_problem(cc, title="机关公文办理超时"):
    case, _ = case_actions.case_receive(
        root=cc.root,
        kind=Kind.PROBLEM,
        channel=Channel.LEADER,
        category=cc.fee,
        title=title,
        content=title,
        actor=cc.leader,
    )
    return case_actions.case_dispatch(case=case, unit=cc.office, actor=cc.leader)


def test_the_ledger_lists_the_columns_a_chinese_office_writes(cc, login, planned):
    page = login(cc.station_leader).get(reverse("workbench:ledger"))
    assert page.status_code == 200
    for column in ("责任领导", "责任人", "整改措施", "整改时限"):
        assert column in page.text
    assert "答复时限" not in page.text
    assert planned.case.title in page.text and planned.measures in page.text


def test_stations_see_the_organs_own_problems_but_not_another_stations(cc, login, planned):
    own = organ_problem(cc)
    client = login(cc.handler_b)
    text = client.get(reverse("workbench:ledger")).text
    assert own.title in text
    assert planned.case.title not in text
    detail = reverse("workbench:problem_ledger_detail", args=[own.code])
    assert client.get(detail).status_code == 200
    assert (
        client.get(reverse("workbench:problem_ledger_detail", args=[planned.case.code])).status_code
        == 404
    )


def test_outsiders_see_nothing(cc, login, planned):
    organ_problem(cc)
    client = login(cc.outsider)
    text = client.get(reverse("workbench:ledger")).text
    assert planned.case.title not in text and "机关公文办理超时" not in text
    url = reverse("workbench:problem_ledger_detail", args=[planned.case.code])
    assert client.get(url).status_code == 404


def test_the_ledger_costs_the_same_queries_for_3_or_10_problems(cc, login, inspection):
    client = login(cc.leader)

    def add(n):
        for i in range(n):
            f = actions.finding_record(
                inspection=inspection,
                unit=cc.station_a,
                text=f"问题{i}",
                category=cc.road,
                actor=cc.supervisor,
            )
            actions.rectification_plan(
                case=f.case,
                leader=cc.people.station_leader,
                person=cc.people.handler,
                measures="整改",
                workdays=3,
                actor=cc.station_leader,
            )

    add(3)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("workbench:ledger"))
    add(7)
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("workbench:ledger"))
    assert page.text.count("问题") >= 10
    assert len(many) == len(few)


def test_a_rectification_past_its_deadline_is_marked_overdue_and_filtered(cc, login, planned):
    from datetime import timedelta

    from lianxin.core import clock

    url = reverse("workbench:ledger")
    client = login(cc.station_leader)
    on_time = client.get(url).content.decode()
    assert 'class="table-danger"' not in on_time
    assert planned.case.code not in client.get(url, {"state": "overdue"}).content.decode()
    with clock.frozen_at(planned.due_at + timedelta(days=1)):
        late = client.get(url).content.decode()
        overdue_only = client.get(url, {"state": "overdue"}).content.decode()
    assert 'class="table-danger"' in late and "超期" in late
    assert planned.case.code in overdue_only

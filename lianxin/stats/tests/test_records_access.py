"""The records behind a figure list cases: a reader sees in them only the cases he could open
(a station's staff never another station's cases through the organisation's row, nobody of
the lead unit a case transferred to the discipline office); a month out of the calendar is a
404, never a stack trace."""

from django.urls import reverse

from lianxin.core import clock
from lianxin.supervision import actions as supervision_actions

from .conftest import at


def _get(client, unit, what, month="2026-11"):
    with clock.frozen_at(at(2026, 12, 10, 9)):
        return client.get(f"/workbench/scorecards/units/{unit.pk}/{month}/cases/{what}/")


def test_another_stations_cases_are_not_listed_under_the_organisations_row(november, login):
    response = _get(login(november.handler_b), november.root, "received")
    html = response.content.decode()
    # 乙站's handler cannot open 甲站's case A ...
    detail = reverse("workbench:case_detail", args=[november.a.code])
    assert login(november.handler_b).get(detail).status_code == 404
    # ... and the organisation's drill-down does not list it to him either
    assert response.status_code in (200, 404)
    assert november.a.code not in html and november.c.code not in html


def test_a_case_transferred_to_discipline_leaves_the_lead_units_lists(november, login):
    with clock.frozen_at(at(2026, 12, 10, 9)):
        supervision_actions.complaint_transfer(
            case=november.d, accused_unit=november.station_b, actor=november.supervisor
        )
    detail = reverse("workbench:case_detail", args=[november.d.code])
    assert login(november.handler_b).get(detail).status_code == 404
    html = _get(login(november.handler_b), november.station_b, "received").content.decode()
    assert november.d.code not in html
    # the supervisor still reaches it (cases.access.TRANSFERRED_SEEN)
    assert november.d.code in _get(login(november.supervisor), november.root, "received").text


def test_the_organ_leader_still_lists_every_case(november, login):
    html = _get(login(november.leader), november.root, "received").content.decode()
    assert november.a.code in html and november.d.code in html


def test_a_month_out_of_the_calendar_is_404(november, login):
    client = login(november.leader)
    for month in ("9999-12", "0001-01"):
        assert _get(client, november.station_a, "received", month).status_code == 404
        with clock.frozen_at(at(2026, 12, 10, 9)):
            unit = client.get(f"/workbench/scorecards/units/{november.station_a.pk}/{month}/")
            org = client.get(f"/workbench/scorecards/?month={month}")
        assert unit.status_code == 404
        assert org.status_code in (200, 404)

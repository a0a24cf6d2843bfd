"""Role homes: the organ leader lands on the organisation's month with what is overdue,
supervised and awaiting a decision; a station leader on his station's scorecard; others on
the plain workbench."""

from lianxin.cases import actions
from lianxin.cases import workflow as wf
from lianxin.cases.models import Supervision
from lianxin.core import clock

from .conftest import _case, at


def test_the_organ_leader_lands_on_the_organisations_month(november, login):
    h = november.people.handler
    with clock.frozen_at(at(2026, 12, 1, 9)):
        late = _case(
            november, november.station_a, h, when=at(2026, 12, 1, 9), accept_at=at(2026, 12, 1, 10)
        )
        actions.case_supervise(case=late, level=Supervision.SUPERVISED, actor=november.supervisor)
        actions.case_request_extension(
            case=late, workdays=3, reason="需协调", actor=november.handler
        )
    unhappy = _case(
        november,
        november.station_a,
        h,
        when=at(2026, 12, 1, 9),
        accept_at=at(2026, 12, 1, 10),
        reply_at=at(2026, 12, 2, 10),
    )
    with clock.frozen_at(at(2026, 12, 2, 11)):
        actions.case_rate(case=unhappy, rating=2, solved=False, actor=wf.CITIZEN)
    client = login(november.leader)
    with clock.frozen_at(at(2026, 12, 20, 9)):
        response = client.get("/workbench/")
        assert response.status_code == 302 and response.url == "/workbench/scorecards/home/"
        html = client.get(response.url).content.decode()
        plain = client.get("/workbench/?all=1")
    assert plain.status_code == 200
    assert "甲站" in html and late.code in html and unhappy.code in html
    assert "延期" in html and "不满意" in html
    base = f"/workbench/scorecards/units/{november.station_a.pk}/2026-12/cases/"
    assert base + "overdue/" in html and base + "supervised/" in html


def test_a_station_leader_lands_on_his_station(november, login):
    with clock.frozen_at(at(2026, 12, 20, 9)):
        response = login(november.station_leader).get("/workbench/")
    assert response.url == f"/workbench/scorecards/units/{november.station_a.pk}/2026-12/"


def test_a_handler_lands_on_his_cases_not_on_a_scorecard(november, login):
    response = login(november.handler).get("/workbench/")
    assert response["Location"] == "/workbench/cases/?tab=mine"


def test_the_organ_home_is_not_for_a_station_and_shows_an_outsider_only_his_own(november, login):
    assert login(november.station_leader).get("/workbench/scorecards/home/").status_code == 404
    html = login(november.outsider).get("/workbench/scorecards/home/").content.decode()
    assert "外县公路段" in html and "甲站" not in html

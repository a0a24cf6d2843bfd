"""The cadre record never shows what its reader could not open elsewhere: a complaint that
was transferred to the discipline office (转纪检) leaves the record of the handler it is
about, as it leaves his case lists; a year written in odd digits is no stack trace."""

from __future__ import annotations

from lianxin.cases import actions as case_actions
from lianxin.cases.models import Channel, Kind
from lianxin.core.actor import Actor
from lianxin.supervision import actions as supervision_actions

from . import test_cadre_record_view as record_view

rec = record_view.rec  # the record's cast, as a fixture of this file too
url = record_view.url


def test_a_complaint_transferred_to_discipline_is_not_on_the_handlers_record(rec, login):
    case, _secret = case_actions.case_receive(
        root=rec.root,
        kind=Kind.COMPLAINT,
        channel=Channel.WEB,
        category=rec.category,
        content="甲站杨某某收了我500元好处费才给办理路政许可。",
        citizen_name="赵市民",
        citizen_phone="13812345678",
        actor=Actor.citizen("web"),
    )
    dispatcher = rec.more.dispatcher.user
    case = case_actions.case_dispatch(
        case=case, unit=rec.station_a, handler=rec.subject, actor=dispatcher
    )
    case = case_actions.case_accept(case=case, actor=rec.handler)
    supervision_actions.complaint_transfer(
        case=case, accused_unit=rec.station_a, accused_text="杨某某", actor=dispatcher
    )
    detail = f"/workbench/cases/{case.code}/"
    for user in (rec.handler, rec.station_leader):
        client = login(user)
        assert client.get(detail).status_code == 404  # the case itself is hidden from them
        html = client.get(url(rec)).content.decode()
        assert case.code not in html
        assert "好处费" not in html


def test_a_year_in_odd_digits_is_no_error(rec, login):
    page = login(rec.handler).get(url(rec) + "?year=²⁰²⁶")
    assert page.status_code == 200

"""The apps' components on a frozen month: contact points and diaries of a station's leader,
counted for his unit and for him; a station without a monthly report counts 0 of 1."""

from datetime import date

from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.liaison import actions as liaison
from lianxin.stats.actions import scorecard_freeze

from .conftest import NOVEMBER, at


def test_visits_diaries_and_reports_on_the_scorecard(november):
    leader = november.people.station_leader
    with clock.frozen_at(at(2026, 11, 2, 9)):
        village = liaison.place_save(
            unit=november.station_a, name="甲村", kind="village", actor=Actor.system()
        )
        liaison.contact_point_assign(
            person=leader, place=village, visits_per_month=2, actor=Actor.system()
        )
    with clock.frozen_at(at(2026, 11, 20, 16)):
        liaison.visit_record(
            place=village,
            kind="visit",
            day=date(2026, 11, 20),
            met="村民",
            said="路灯不亮",
            actor=leader.user,
        )
    with clock.frozen_at(at(2026, 12, 9, 9)):
        snap = scorecard_freeze(root=november.root, month=NOVEMBER, actor=Actor.system())
    a = next(r for r in snap.data["units"] if r["unit"]["id"] == november.station_a.pk)
    assert a["components"]["liaison.visits"] == {"num": 1, "den": 2, "rate": 0.5}
    assert a["components"]["liaison.diaries"] == {"num": 0, "den": 1, "rate": 0.0}
    assert a["components"]["partywork.report"] == {"num": 0, "den": 1, "rate": 0.0}
    assert a["components"]["discipline.penalties"] is None
    b = next(r for r in snap.data["units"] if r["unit"]["id"] == november.station_b.pk)
    assert b["components"]["liaison.visits"] is None  # no contact point: nothing asked
    mine = next(r for r in snap.data["leaders"] if r["person"]["id"] == leader.pk)
    assert mine["components"]["liaison.visits"]["den"] == 2
    assert [c["key"] for c in snap.data["components"]][:2] == ["liaison.visits", "liaison.diaries"]

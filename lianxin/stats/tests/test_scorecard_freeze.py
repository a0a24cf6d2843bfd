"""scorecard_freeze: the rates of a hand-built month, freezing only after the month's end,
recomputing only with a reason and keeping the old snapshot."""

import pytest
from django.core.exceptions import PermissionDenied

from lianxin.cases import actions as case_actions
from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError
from lianxin.stats.actions import scorecard_freeze
from lianxin.stats.models import Snapshot

from .conftest import NOVEMBER, at


def _row(snapshot, unit):
    return next(r for r in snapshot.data["units"] if r["unit"]["id"] == unit.pk)


def test_the_rates_of_a_hand_built_month(november):
    with clock.frozen_at(at(2026, 12, 9, 9)):
        snap = scorecard_freeze(root=november.root, month=NOVEMBER, actor=november.admin)
    a = _row(snap, november.station_a)
    assert a["received"] == 3
    assert a["response"] == {"num": 2, "den": 3, "rate": 0.6667}
    assert a["on_time"] == {"num": 2, "den": 3, "rate": 0.6667}
    assert a["resolution"] == {"num": 2, "den": 2, "rate": 1.0}
    assert a["satisfaction"] == {"num": 1, "den": 2, "rate": 0.5}
    assert (a["fair"], a["excluded"], a["returns"]) == (1, 1, 1)
    assert a["composite"] == 72.5  # 30 x 2/3 + 35 x 1 + 35 x 1/2
    assert a["leader"] == "吴站长"
    b = _row(snap, november.station_b)
    assert b["received"] == 1 and b["returns"] == 0
    assert b["on_time"]["rate"] is None and b["composite"] == 100.0
    office = _row(snap, november.office)
    assert office["received"] == 0 and office["composite"] is None
    org = snap.data["organisation"]
    assert org["received"] == 4 and org["response"]["den"] == 4  # not 外县's case
    assert {r["unit"]["id"] for r in snap.data["units"]} == {
        november.office.pk,
        november.station_a.pk,
        november.station_b.pk,
    }
    assert {(r["person"]["name"], r["role"]) for r in snap.data["leaders"]} >= {
        ("吴站长", "leader"),
        ("张局长", "leader"),
    }


def test_a_month_not_ended_cannot_be_frozen(november):
    with clock.frozen_at(at(2026, 11, 30, 23, 59)), pytest.raises(ApplicationError) as err:
        scorecard_freeze(root=november.root, month=NOVEMBER, actor=november.admin)
    assert err.value.code == "not_ended" and "2026-11" in str(err.value.message)
    assert not Snapshot.objects.exists()


def test_a_frozen_month_does_not_change_with_later_edits_and_a_recompute_needs_a_reason(
    november,
):
    with clock.frozen_at(at(2026, 12, 9, 9)):
        first = scorecard_freeze(root=november.root, month=NOVEMBER, actor=Actor.system())
    with clock.frozen_at(at(2026, 12, 10, 9)):
        case_actions.case_reopen(case=november.a, reason="回访不实", actor=november.supervisor)
    first.refresh_from_db()
    assert _row(first, november.station_a)["satisfaction"]["den"] == 2
    for reason in ("", "   "):
        with clock.frozen_at(at(2026, 12, 10, 10)), pytest.raises(ApplicationError) as err:
            scorecard_freeze(
                root=november.root, month=NOVEMBER, actor=november.admin, reason=reason
            )
        assert err.value.field == "reason"
    assert Snapshot.objects.count() == 1
    with clock.frozen_at(at(2026, 12, 10, 10)):
        second = scorecard_freeze(
            root=november.root, month=NOVEMBER, actor=november.admin, reason="回访记录更正"
        )
    first.refresh_from_db()
    assert not first.is_current and second.is_current and second.reason == "回访记录更正"
    assert _row(second, november.station_a)["satisfaction"]["den"] == 1
    assert Snapshot.objects.filter(month=NOVEMBER).count() == 2


def test_only_an_administrator_recomputes(november):
    with clock.frozen_at(at(2026, 12, 9, 9)):
        scorecard_freeze(root=november.root, month=NOVEMBER, actor=Actor.system())
        with pytest.raises(PermissionDenied):
            scorecard_freeze(
                root=november.root, month=NOVEMBER, actor=november.station_leader, reason="重算"
            )
        with pytest.raises(PermissionDenied):
            scorecard_freeze(
                root=november.root, month=NOVEMBER, actor=november.outsider, reason="重算"
            )
    assert Snapshot.objects.count() == 1


def test_a_month_is_frozen_by_an_administrator_or_the_system_never_unchecked(november):
    with clock.frozen_at(at(2026, 12, 9, 9)):
        with pytest.raises(PermissionDenied):
            scorecard_freeze(root=november.root, month=NOVEMBER, actor=november.station_leader)
        with pytest.raises(TypeError):
            scorecard_freeze(root=november.root, month=NOVEMBER, actor=None)
        assert not Snapshot.objects.exists()
        snap = scorecard_freeze(root=november.root, month=NOVEMBER, actor=Actor.system("clock"))
    assert snap.is_current and snap.computed_by is None

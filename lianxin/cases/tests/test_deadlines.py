"""Time limits: DESIGN's defaults, an organisation's own limits, urgent cases in hours."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from lianxin.cases import actions, deadlines
from lianxin.cases.models import Kind, TimeLimit
from lianxin.core import clock

from .conftest import receive


def received_on(cc, moment, **kw):
    with clock.frozen_at(moment):
        case, _ = receive(cc, **kw)
        return actions.case_dispatch(case=case, unit=cc.station_a, actor=cc.dispatcher)


MONDAY = timezone.make_aware(datetime(2026, 11, 2, 9, 30))


def test_default_reply_limits_by_kind_in_working_days(cc):
    expected = {Kind.CONSULT: 3, Kind.HELP: 5, Kind.COMPLAINT: 7, Kind.SUGGESTION: 13}
    for kind, days in expected.items():
        case = received_on(cc, MONDAY, kind=kind)
        from lianxin.core.workdays import add_workdays

        assert timezone.localdate(case.reply_due) == add_workdays(MONDAY.date(), days), kind
        assert timezone.localtime(case.reply_due).hour == 23


def test_urgent_cases_count_hours(cc):
    case = received_on(cc, MONDAY, urgent=True)
    assert case.accept_due - case.dispatched_at == timedelta(hours=2)
    assert case.reply_due - case.received_at == timedelta(hours=24)


def test_an_organisations_own_limit_for_a_category_and_kind_wins(cc):
    TimeLimit.objects.create(root=cc.root, category=cc.road, kind=Kind.COMPLAINT, reply_workdays=2)
    TimeLimit.objects.create(root=cc.root, category=None, kind=Kind.COMPLAINT, reply_workdays=4)
    road = received_on(cc, MONDAY, kind=Kind.COMPLAINT, category=cc.road)
    fee = received_on(cc, MONDAY, kind=Kind.COMPLAINT, category=cc.fee)
    assert timezone.localdate(road.reply_due).isoformat() == "2026-11-04"
    assert timezone.localdate(fee.reply_due).isoformat() == "2026-11-06"


@pytest.mark.django_db
def test_badges_green_yellow_red():
    at = MONDAY
    assert deadlines.badge(at + timedelta(days=5), at) == "green"
    assert deadlines.badge(at + timedelta(hours=3), at) == "yellow"
    assert deadlines.badge(at - timedelta(minutes=1), at) == "red"

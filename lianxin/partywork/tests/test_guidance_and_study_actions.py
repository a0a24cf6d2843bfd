"""Guidance issued to chosen stations with receipts; study sessions with attendance."""

from datetime import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError
from lianxin.partywork import actions, queries
from lianxin.partywork.models import Guidance, Receipt


def test_guidance_goes_to_chosen_stations_and_each_secretary_confirms(pw):
    g = actions.guidance_issue(
        root=pw.root,
        title="党建工作意见",
        body="一、……",
        units=[pw.station_a, pw.station_b],
        actor=pw.officer,
    )
    assert {r.unit for r in queries.receipts_of(g)} == {pw.station_a, pw.station_b}
    actions.receipt_confirm(guidance=g, unit=pw.station_a, actor=pw.sec_a)
    with pytest.raises(ApplicationError) as err:  # someone outside the station
        actions.receipt_confirm(guidance=g, unit=pw.station_b, actor=pw.sec_a)
    assert "党组织书记" in str(err.value.message)
    with pytest.raises(ApplicationError):
        actions.receipt_confirm(guidance=g, unit=pw.station_a, actor=pw.sec_a)
    unconfirmed = Receipt.objects.filter(guidance=g, confirmed_at__isnull=True)
    assert [r.unit for r in unconfirmed] == [pw.station_b]
    with pytest.raises(PermissionDenied):
        actions.guidance_issue(
            root=pw.root, title="x", body="y", units=[pw.station_a], actor=pw.sec_a
        )


def test_attendance_needs_reasons_for_the_excused_and_feeds_the_rate(pw):
    session = actions.session_plan(
        unit=pw.station_a,
        topic="学习纪律处分条例",
        place="会议室",
        starts_at=timezone.make_aware(datetime(2026, 11, 10, 15)),
        actor=pw.sec_a,
    )
    members = [pw.people.station_leader, pw.people.handler, pw.people.sec_a]
    with pytest.raises(ApplicationError):
        actions.session_record(
            session=session,
            summary="认真学习",
            attendance={members[0].pk: ("present", ""), members[1].pk: ("excused", "")},
            actor=pw.sec_a,
        )
    with pytest.raises(ApplicationError):  # someone of another unit
        actions.session_record(
            session=session,
            summary="认真学习",
            attendance={pw.people.handler_b.pk: ("present", "")},
            actor=pw.sec_a,
        )
    actions.session_record(
        session=session,
        summary="认真学习",
        attendance={
            members[0].pk: ("present", ""),
            members[1].pk: ("excused", "除雪"),
            members[2].pk: ("present", ""),
        },
        actor=pw.sec_a,
    )
    assert queries.attendance_rates([pw.station_a])[pw.station_a.pk] == pytest.approx(2 / 3)
    assert [a.status for a in queries.study_record(pw.people.handler)] == ["excused"]


def test_guidance_is_issued_by_the_party_office_or_the_system_never_unchecked(pw):
    kw = dict(root=pw.root, title="党建工作意见", body="一、……", units=[pw.station_a])
    with pytest.raises(PermissionDenied):  # a station's secretary is not the office
        actions.guidance_issue(**kw, actor=pw.sec_a)
    with pytest.raises(TypeError):  # None once skipped the check
        actions.guidance_issue(**kw, actor=None)
    assert not Guidance.objects.exists()
    guidance = actions.guidance_issue(**kw, actor=Actor.system("demo"))
    assert guidance.issued_by.unit == pw.root

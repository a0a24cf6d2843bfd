"""The one clock watches discipline deadlines: an unaccepted report past its 15 working days,
and feedback past its 15 working days, are told to the handlers (never to the conflicted)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied

from lianxin.core import clock
from lianxin.core.models import Notice
from lianxin.discipline import actions
from lianxin.discipline.tests.conftest import submit


def test_overdue_acceptance_and_feedback_are_told_to_the_handlers(dc):
    late, _r = submit(dc)
    on_time, _r = submit(dc, what="另一件：办公室电话无人接听。")
    actions.report_accept(report=on_time, actor=dc.inspector)
    Notice.objects.all().delete()
    clock.sweep(at=late.accept_due + timedelta(minutes=1))
    told = Notice.objects.filter(title__startswith="举报受理已超期")
    assert {n.recipient for n in told} == {dc.inspector, dc.head}
    assert all(late.number in n.title for n in told)

    report = actions.report_accept(report=late, actor=dc.inspector)
    report = actions.report_dispose(
        report=report, disposition="close", category="formalism", actor=dc.inspector
    )
    report = actions.report_conclude(
        report=report, findings="反映不实。", decision="予以了结。", actor=dc.inspector
    )
    clock.sweep(at=report.feedback_due - timedelta(hours=1))
    assert not Notice.objects.filter(title__startswith="向举报人反馈已超期").exists()
    clock.sweep(at=report.feedback_due + timedelta(minutes=1))
    assert Notice.objects.filter(
        title__startswith="向举报人反馈已超期", recipient=dc.inspector
    ).exists()
    assert not Notice.objects.filter(recipient=dc.conflicted).exists()


def test_a_new_report_reaches_the_inbox_the_next_day_not_at_the_moment(dc):
    from django.utils import timezone

    Notice.objects.all().delete()
    report, _r = submit(dc)
    actions.reporter_message(report=report, text="补充一张照片。")
    assert not Notice.objects.exists()  # an inbox row now would date the report
    clock.sweep()
    assert not Notice.objects.exists()
    tomorrow = timezone.localtime(clock.now()).replace(hour=0, minute=5) + timedelta(days=1)
    clock.sweep(at=tomorrow)
    told = Notice.objects.filter(title__startswith="有举报或举报人留言待处理")
    assert {n.recipient for n in told} == {dc.inspector, dc.head}
    clock.sweep(at=tomorrow + timedelta(hours=1))
    assert told.count() == 2  # once


def test_a_report_nobody_accepts_climbs_the_tree(dc, login):
    report, _r = submit(dc, accused_unit=dc.office_unit, accused_text="马纪检")
    assert report.route == "organ_leader"
    url = f"/workbench/discipline/reports/{report.pk}/"
    item = clock.item_of("discipline.accept", report.pk)
    assert item.escalate_at > report.accept_due
    Notice.objects.all().delete()
    clock.sweep(at=report.accept_due + timedelta(minutes=1))
    assert {n.recipient for n in Notice.objects.all()} == {dc.leader}
    clock.sweep(at=item.escalate_at + timedelta(minutes=1))
    report.refresh_from_db()
    assert report.route == "organ_secretary"
    came = Notice.objects.filter(title__startswith="一件举报逾期无人受理")
    assert {n.recipient for n in came} == {dc.secretary}
    assert login(dc.secretary).get(url).status_code == 200
    assert report.number in login(dc.secretary).get("/workbench/discipline/").content.decode()
    assert login(dc.inspector).get(url).status_code == 404
    assert report.events.filter(action="escalated").count() == 1
    actions.report_accept(report=report, actor=dc.secretary)
    assert login(dc.secretary).get(url).status_code == 200  # he keeps what he accepted
    assert clock.item_of("discipline.accept", f"{report.pk}.organ_secretary").done_at is not None
    Notice.objects.all().delete()
    clock.sweep(at=item.escalate_at + timedelta(days=60))
    assert not Notice.objects.exists()  # accepted: the clock is quiet


def test_only_the_clock_escalates_a_report(dc):
    report, _r = submit(dc, accused_unit=dc.office_unit, accused_text="马纪检")
    for who in (dc.leader, dc.secretary):  # not the one it waits for, not the one above
        with pytest.raises(PermissionDenied):
            actions.report_escalate(report=report, actor=who)
    with pytest.raises(TypeError):  # the audit row once said "nobody"
        actions.report_escalate(report=report, actor=None)
    report.refresh_from_db()
    assert report.route == "organ_leader"
    assert not report.events.filter(action="escalated").exists()

"""The one clock watches discipline deadlines: an unaccepted report past its 15 working days,
and feedback past its 15 working days, are told to the handlers (never to the conflicted)."""

from datetime import timedelta

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

"""Handling a report: acceptance, disposition, conclusion and feedback on the working-day
clock; the named reporter told by SMS (his number unsealed only when sending); reading his
identity is recorded; two inspectors at once: the second must reload."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from lianxin.core import clock
from lianxin.core.errors import ApplicationError
from lianxin.core.models import AuditEvent
from lianxin.core.notify import MemorySmsBackend
from lianxin.discipline import actions
from lianxin.discipline.tests.conftest import submit

TZ = ZoneInfo("Asia/Shanghai")


def test_the_whole_handling_with_its_deadlines(dc, django_capture_on_commit_callbacks):
    MemorySmsBackend.outbox.clear()
    with clock.frozen_at(datetime.datetime(2026, 9, 28, 10, tzinfo=TZ)):  # before National Day
        report, _r = submit(dc, name="欧阳举报", phone="13987654321")
    # 15 working days from Monday 28 September, over the holiday (1-8 October): 23 October
    assert report.accept_due.astimezone(TZ).date() == datetime.date(2026, 10, 23)
    with django_capture_on_commit_callbacks(execute=True):
        report = actions.report_accept(report=report, actor=dc.inspector, version=report.version)
    assert MemorySmsBackend.outbox[-1] == ("13987654321", f"您的举报 {report.number} 已受理。")
    report = actions.report_dispose(
        report=report, disposition="verify", category="formalism", actor=dc.inspector
    )
    with clock.frozen_at(datetime.datetime(2026, 11, 2, 16, tzinfo=TZ)):
        report = actions.report_conclude(
            report=report, findings="问题属实。", decision="诫勉谈话。", actor=dc.inspector
        )
    assert report.feedback_due.astimezone(TZ).date() == datetime.date(2026, 11, 23)
    with django_capture_on_commit_callbacks(execute=True):
        report = actions.report_feedback(
            report=report, feedback="经核实问题属实，已处理。", actor=dc.inspector
        )
    assert report.status == "closed" and "已办结" in MemorySmsBackend.outbox[-1][1]
    assert [e.action for e in report.events.order_by("id")] == [
        "received", "accepted", "disposed", "concluded", "feedback",
    ]  # fmt: skip
    with pytest.raises(ApplicationError, match="当前不能进行此步骤"):
        actions.report_accept(report=report, actor=dc.inspector)
    with pytest.raises(ApplicationError, match="该举报已办结"):
        actions.reporter_message(report=report, text="还有补充。")
    assert not report.messages.filter(text="还有补充。").exists()


def test_reading_the_reporter_is_for_handlers_and_recorded(dc, login):
    report, _r = submit(dc, name="欧阳举报", phone="13987654321")
    page = login(dc.inspector).get(f"/workbench/discipline/reports/{report.pk}/")
    assert "欧阳举报" not in page.content.decode()
    shown = login(dc.inspector).post(f"/workbench/discipline/reports/{report.pk}/reporter/")
    assert "欧阳举报" in shown.content.decode() and "13987654321" in shown.content.decode()
    assert AuditEvent.objects.filter(action="discipline.identity_read", actor=dc.inspector).exists()
    assert report.events.filter(action="identity_read").count() == 1
    anonymous, _r = submit(dc)
    with pytest.raises(ApplicationError, match="匿名"):
        actions.reporter_reveal(report=anonymous, actor=dc.inspector)


def test_a_stale_form_is_refused(dc):
    report, _r = submit(dc)
    seen = report.version
    actions.report_accept(report=report, actor=dc.inspector, version=seen)
    with pytest.raises(ApplicationError, match="已被他人修改"):
        actions.report_dispose(
            report=report, disposition="talk", category="formalism", actor=dc.head, version=seen
        )


def test_a_penalty_outside_the_jurisdiction_or_inconsistent_is_refused(dc):
    from conftest import make_person
    from lianxin.discipline.models import Penalty

    stranger = make_person("stranger", "外单位人", dc.other)
    base = dict(
        root=dc.root, kind="admin", measure="demerit", category="gifts",
        decided_on=datetime.date(2026, 11, 1), document_no="测〔2026〕2号", reason="收受礼品",
        actor=dc.inspector,
    )  # fmt: skip
    for person, change, message in [
        (stranger, {}, "不在本纪检部门管辖范围内"),
        (dc.people.handler, {"kind": "party"}, "与所选处分类别不符"),
        (dc.people.handler, {"kind": "party", "measure": "probation"}, "只适用于党员"),
        (dc.people.handler, {"decided_on": datetime.date(2099, 1, 1)}, "不能晚于今天"),
        (dc.people.inspector, {}, "不能给自己登记处分"),
    ]:
        with pytest.raises(ApplicationError, match=message):
            actions.penalty_record(person=person, **{**base, **change})
    with pytest.raises(Exception) as err:
        actions.penalty_record(person=dc.people.handler, **{**base, "actor": dc.handler})
    assert err.type.__name__ == "Http404"
    assert not Penalty.objects.exists()

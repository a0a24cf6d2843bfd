"""Demo discipline work: the office (纪检监察室), reports in every state (anonymous and
named, the person reported picked from the roster; one about the office's own head and one
naming an inspector in its text, both routed to the organ's leader), messages, penalties of
the last months and two public notices."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from django.utils import timezone

from lianxin.core import clock
from lianxin.org.models import Person, Unit

from . import actions
from .models import DisciplineOffice, Report

REPORTS = [
    # unit, who, what, when, clause, named, steps
    ("qs-chengguan", "", "城关公路站治超检测点值班人员上班时间玩手机，群众咨询爱答不理。",
     "上周三下午", "zuofeng/3/2", False, ["accept", "dispose", "conclude", "feedback"]),
    ("qs-roadadmin", "许文斌", "办理超限运输许可时暗示要请吃饭才能加快办理。", "本月初",
     "zuofeng/5", True, ["accept", "dispose", "conclude"]),
    ("qs-maint", "", "养护科公车周末停在饭店门口，疑似公车私用。", "上周六中午", "",
     False, ["accept", "dispose"]),
    ("qs-chengguan", "吴刚", "站里报销的接待清单与实际不符。", "今年以来", "jiedai/4",
     False, ["accept"]),
    ("qs-office", "", "办公室电话经常无人接听，反映问题没人登记。", "最近一个月", "shouwen/3",
     True, []),
    ("qs-discipline", "周强", "纪检监察室负责人参加管理服务对象安排的宴请。", "上个月",
     "zuofeng/5", False, ["accept"]),
    ("qs-chengguan", "", "纪检员马丽娟来站检查时对站里公车私用问题视而不见。", "本月",
     "", False, []),
]  # fmt: skip

PENALTIES = [
    ("xuwenbin", "handling", "admonition", "banquets", 40, "青公纪〔2026〕9号",
     "接受管理服务对象宴请"),
    ("yangfan", "admin", "admin_warning", "formalism", 75, "青公段〔2026〕22号",
     "养护巡查记录弄虚作假"),
    ("xuwenbin", "admin", "demerit", "gifts", 12, "青公段〔2026〕35号", "收受礼品"),
]  # fmt: skip


def load_demo_discipline(units: dict[str, Unit], *, now: datetime | None = None) -> bool:
    root = units["qingshan"]
    if DisciplineOffice.objects.filter(root=root).exists():
        return False
    now = now or clock.now()
    DisciplineOffice.objects.create(root=root, unit=units["qs-discipline"])
    inspector = Person.objects.get(user__username="malijuan").user
    leader = Person.objects.get(user__username="zhangjianguo").user
    secretary = Person.objects.get(user__username="liguohua").user
    rng = random.Random(5)
    for i, (unit, who, what, when, clause, named, steps) in enumerate(REPORTS):
        start = now - timedelta(days=50 - i * 8)
        with clock.frozen_at(start):
            report, _receipt = actions.report_submit(
                root=root, accused_unit=units[unit], what=what,
                accused_person=Person.objects.get(name=who, unit__path__startswith=root.path)
                if who else None,
                when_text=when, clause=clause,
                name="群众" + "甲乙丙丁戊己"[i] if named else "",
                phone=f"139{rng.randint(10000000, 99999999)}" if named else "",
            )  # fmt: skip
            actions.reporter_message(report=report, text="补充：当时还有其他群众在场，可以作证。")
        actor = {"organ_leader": leader, "organ_secretary": secretary}.get(report.route, inspector)
        at = start
        for step in steps:
            at += timedelta(days=rng.randint(2, 6))
            with clock.frozen_at(at):
                if step == "accept":
                    report = actions.report_accept(report=report, actor=actor)
                    actions.inspector_message(
                        report=report, text="您的举报已受理，我们将依规处理。", actor=actor
                    )
                elif step == "dispose":
                    report = actions.report_dispose(
                        report=report, disposition="verify" if i else "talk",
                        category="formalism" if i == 0 else "banquets" if i == 1 else "cars",
                        actor=actor,
                    )  # fmt: skip
                elif step == "conclude":
                    report = actions.report_conclude(
                        report=report,
                        findings="经核实，反映的问题基本属实。",
                        decision="对相关人员予以诫勉，责令作出书面检查。",
                        actor=actor,
                    )
                elif step == "feedback":
                    actions.report_feedback(
                        report=report,
                        feedback="经核实，问题基本属实，已对相关人员予以诫勉并责令整改。感谢您的监督。",
                        actor=actor,
                    )
    for username, kind, measure, category, days, doc, reason in PENALTIES:
        person = Person.objects.get(user__username=username)
        with clock.frozen_at(now - timedelta(days=days)):
            penalty = actions.penalty_record(
                root=root, person=person, kind=kind, measure=measure, category=category,
                decided_on=timezone.localdate(now - timedelta(days=days)), document_no=doc,
                reason=reason, actor=inspector,
            )  # fmt: skip
            if days > 20:
                actions.notice_publish(
                    root=root, penalty=penalty,
                    title=f"关于{penalty.unit.name}{person.position}{reason}问题的通报",
                    position=person.position, conduct=reason + "，违反作风建设有关规定。",
                    clause="zuofeng/5" if category in ("banquets", "gifts") else "zuofeng/3",
                    actor=inspector,
                )  # fmt: skip
    return Report.objects.filter(root=root).exists()

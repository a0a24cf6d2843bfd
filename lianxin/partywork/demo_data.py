"""Demo party work: the party-building office, guidance with receipts, six months of plans
and reports (on time, late, sent back, overdue), study sessions with attendance (held on
working-day afternoons over the last 90 days; the next one planned)."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from lianxin.core import clock, workdays
from lianxin.core.actor import Actor
from lianxin.org.models import Person, Role, Unit

from . import actions, months
from .models import MonthlyPlan, PartyOffice

STATIONS = ["qs-chengguan", "qs-hekou", "qs-shiqiao", "qs-longquan", "qs-zhichao"]
ITEMS = [
    ("开展“三会一课”，学习党的二十届四中全会精神", "支部书记"),
    ("组织党员志愿服务，清理辖区公路边沟", "全体党员"),
    ("开展谈心谈话，了解一线职工思想动态", "支部委员"),
    ("召开组织生活会，开展批评与自我批评", "全体党员"),
    ("主题党日：参观县廉政教育基地", "支部书记"),
]
REPORT = {
    "thinking": "本月职工思想总体稳定，对冬季养护任务认识到位；个别职工对夜间值班安排有意见，已谈心疏导。",
    "activities": "组织集中学习2次，开展主题党日1次，党员志愿服务清理边沟3公里。",
    "problems": "一线职工分散，集中学习时间难以保证；青年职工参与积极性有待提高。",
    "next_steps": "利用班前会开展微党课；结合冬季除雪保畅开展党员先锋岗活动。",
}
THIN = {
    "thinking": "思想稳定，无异常情况。",
    "activities": "按计划开展学习活动。",
    "problems": "暂无明显问题需要反映。",
    "next_steps": "继续按照计划开展工作。",
}
TOPICS = ["学习《中国共产党纪律处分条例》", "学习中央八项规定精神", "专题学习：以案促改警示教育"]


def _secretary(unit: Unit) -> Person:
    return Person.objects.get(grants__unit=unit, grants__role=Role.SECRETARY)


def _at(day, hour=10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def load_demo_partywork(units: dict[str, Unit], *, now: datetime | None = None) -> bool:
    root = units["qingshan"]
    if PartyOffice.objects.filter(root=root).exists():
        return False
    now = now or clock.now()
    rng = random.Random(7)
    actions.party_office_set(root=root, unit=units["qs-party"], actor=Actor.system("demo"))
    office = Person.objects.get(user__username="gaohongmei").user
    stations = [units[c] for c in STATIONS]
    today = timezone.localdate(now)
    this_month = months.first_of(today)

    # Guidance: an older document confirmed by all, a recent one by some.
    with clock.frozen_at(now - timedelta(days=40)):
        old = actions.guidance_issue(
            root=root,
            title="关于加强基层站所党支部标准化建设的意见",
            doc_no="青公党〔2026〕12号",
            body="一、明确目标任务……\n二、规范组织生活……\n三、强化督促检查……",
            units=stations,
            actor=office,
        )
    for unit in stations:
        with clock.frozen_at(now - timedelta(days=39)):
            actions.receipt_confirm(guidance=old, unit=unit, actor=_secretary(unit).user)
    with clock.frozen_at(now - timedelta(days=3)):
        new = actions.guidance_issue(
            root=root,
            title="关于开展冬季保畅党员先锋岗活动的通知",
            doc_no="青公党〔2026〕19号",
            body="各站所党支部：为做好冬季道路保畅工作，决定开展党员先锋岗活动……",
            units=stations,
            actor=office,
        )
    for unit in stations[:2]:
        with clock.frozen_at(now - timedelta(days=2)):
            actions.receipt_confirm(guidance=new, unit=unit, actor=_secretary(unit).user)

    # Reports for the last five months; plans for last, this and next month.
    for back in range(5, 0, -1):
        month = this_month
        for _ in range(back):
            month = months.previous_month(month)
        due = months.report_due(month)
        for i, unit in enumerate(stations):
            secretary = _secretary(unit).user
            fate = rng.random()
            if back == 1 and i in (2, 4):
                continue  # the last month's reports of 石桥公路站 and 治超检测站 are overdue
            late = fate < 0.15 or (back == 1 and i == 3)
            at = due + timedelta(days=2) if late else due - timedelta(days=rng.randint(1, 4))
            text = THIN if (back == 2 and i == 2) else REPORT
            with clock.frozen_at(min(at, now - timedelta(hours=2))):
                report = actions.report_save(unit=unit, month=month, actor=secretary, **text)
                report = actions.report_submit(report=report, actor=secretary)
            with clock.frozen_at(min(at + timedelta(days=1), now - timedelta(hours=1))):
                if text is THIN:
                    actions.report_review(
                        report=report,
                        accept=False,
                        comment="内容过于简单，请具体写明职工思想动态和活动情况。",
                        actor=office,
                    )
                elif back > 1:
                    actions.report_review(report=report, accept=True, comment="", actor=office)
    for month in (months.previous_month(this_month), this_month, months.next_month(this_month)):
        for i, unit in enumerate(stations):
            secretary = _secretary(unit).user
            start = _at(months.previous_month(month).replace(day=25))
            with clock.frozen_at(min(start, now - timedelta(hours=3))):
                if month < this_month:
                    MonthlyPlan.objects.get_or_create(unit=unit, month=month)
                    plan = MonthlyPlan.objects.get(unit=unit, month=month)
                else:
                    if month > this_month and i >= 2:
                        continue  # not started yet
                    plan = actions.plan_create(unit=unit, month=month, actor=secretary)
                for k in range(3):
                    what, who = ITEMS[(i + k) % len(ITEMS)]
                    actions.plan_item_add(
                        plan=plan,
                        what=what,
                        who=who,
                        when=month + timedelta(days=5 + 8 * k),
                        actor=secretary,
                    )
                if month > this_month and i == 1:
                    continue  # drafted, not agreed
                actions.plan_agree(plan=plan, actor=secretary)
                if month == this_month and i == 3:
                    actions.plan_comment(
                        plan=plan, comment="建议增加一次警示教育活动。", actor=office
                    )
                    continue
                actions.plan_agree(plan=plan, actor=office)
            if month <= this_month and plan.agreed:
                for item in plan.items.all():
                    if month < this_month or item.when <= today:
                        with clock.frozen_at(min(_at(item.when, 17), now - timedelta(hours=1))):
                            actions.plan_item_done(item=item, actor=secretary)

    # Study sessions with attendance.
    # Held on working-day afternoons spread over the last 90 days, each station on its own
    # days; the last one is planned for the coming week.
    for i, unit in enumerate(stations):
        secretary = _secretary(unit).user
        members = list(Person.objects.filter(unit=unit, is_active=True))
        for k, topic in enumerate(TOPICS):
            if k == len(TOPICS) - 1:
                day = today + timedelta(days=3 + i)
            else:
                day = today - timedelta(days=80 - 35 * k - 3 * i)
            while not workdays.is_workday(day):
                day += timedelta(days=1)
            held = timezone.make_aware(datetime.combine(day, time(14 + k % 2, 30 * (i % 2))))
            with clock.frozen_at(min(held, now) - timedelta(days=5)):
                session = actions.session_plan(
                    unit=unit,
                    topic=topic,
                    starts_at=held,
                    place=f"{unit.name}会议室",
                    materials="学习材料见附件。",
                    actor=secretary,
                )
            if k == len(TOPICS) - 1:
                continue  # planned, not held yet
            attendance = {}
            for p in members:
                roll = rng.random()
                status = "present" if roll < 0.8 else ("excused" if roll < 0.93 else "absent")
                attendance[p.pk] = (status, "外出执行除雪任务" if status == "excused" else "")
            with clock.frozen_at(held + timedelta(hours=3)):
                actions.session_record(
                    session=session,
                    attendance=attendance,
                    summary="全体参会人员认真学习，结合岗位实际交流了体会。",
                    actor=secretary,
                )
    return True

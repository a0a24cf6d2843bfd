"""Demo cases that make the scorecards tell a story over the last three months: 河口公路站
accepts within the hour, replies within a day or two and is rated well; 石桥公路站 accepts
late, replies after the limit more and more often, and collects unsatisfied ratings. Every
step happens on a working day in working hours, through the actions."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from lianxin.core import clock
from lianxin.core.months import first_of, last_day, previous_month
from lianxin.core.workdays import add_workdays, is_workday
from lianxin.org.models import Person, Unit

from . import actions
from .models import Category, Kind

BETTER, WORSE = "qs-hekou", "qs-shiqiao"
PER_MONTH = 10
PLACES = {BETTER: ["河口镇新街", "河口村村口", "滨江路"], WORSE: ["石桥村", "下庄村", "乡道X306"]}
ASKED = [
    (Kind.COMPLAINT, "{place}路段坑槽多，车辆绕行，请尽快修补。", "已组织养护班组完成坑槽修补。"),
    (Kind.HELP, "{place}边沟堵塞，雨天路面积水，请疏通。", "已安排人员疏通边沟，积水已排除。"),
    (Kind.COMPLAINT, "{place}路灯不亮，晚上行车不安全。", "已联系供电部门修复路灯。"),
]


def _staff(unit, role: str) -> Person:
    """The demo unit's person in this role (the org demo gives each station one)."""
    person = Person.objects.filter(unit=unit, grants__role=role).first()
    if person is None:
        raise LookupError(f"the demo unit {unit} has no {role}")
    return person


def _working(day: date, rng: random.Random) -> datetime:
    """A time on the first working day from `day`, in office hours."""
    while not is_workday(day):
        day += timedelta(days=1)
    hour, minute = rng.choice([(9, 0), (9, 40), (10, 20), (11, 0), (14, 30), (15, 10), (16, 0)])
    return timezone.make_aware(datetime.combine(day, time(hour, minute + rng.randint(0, 19))))


def _after(at: datetime, workdays: int, rng: random.Random) -> datetime:
    return _working(add_workdays(timezone.localdate(at), workdays), rng)


def load_contrast(root: Unit, units: dict[str, Unit], *, now: datetime) -> None:
    rng = random.Random(1402)
    category = Category.objects.get(root=root, name="路面病害")
    dispatcher = Person.objects.get(user__username="chenjing").user
    operator = Person.objects.get(user__username="zhaoli").user
    supervisor = Person.objects.get(user__username="sunwei").user
    this_month = first_of(timezone.localdate(now))
    months = [previous_month(previous_month(previous_month(this_month)))]
    months += [previous_month(previous_month(this_month)), previous_month(this_month)]
    limit = now - timedelta(hours=1)
    n = 0
    for age, month in enumerate(months):  # 0: three months ago ... 2: last month
        for code in (BETTER, WORSE):
            unit = units[code]
            handler, leader = _staff(unit, "handler"), _staff(unit, "leader")
            for i in range(PER_MONTH):
                n += 1
                day = month + timedelta(days=int((last_day(month).day - 8) * i / PER_MONTH))
                received = _working(day, rng)
                if received > limit:
                    continue
                kind, content, reply = ASKED[i % len(ASKED)]
                place = f"青山县{rng.choice(PLACES[code])}"
                with clock.frozen_at(received):
                    case, _s = actions.case_receive(
                        root=root,
                        kind=kind,
                        channel=rng.choice(["hotline", "web", "hotline"]),
                        category=category,
                        content=content.format(place=place),
                        place=place,
                        citizen_name="李" + rng.choice(["先生", "女士", "师傅"]),
                        citizen_phone=f"135{rng.randint(10000000, 99999999)}",
                        is_public=True,
                        actor=operator,
                        submit_token=f"demo-contrast-{n}",
                    )
                with clock.frozen_at(received + timedelta(minutes=25)):
                    case = actions.case_dispatch(
                        case=case, unit=unit, handler=handler, actor=dispatcher
                    )
                worse = code == WORSE
                late_share = 0.4 + 0.2 * age if worse else 0.0  # getting worse month by month
                late = rng.random() < late_share
                accept_at = (
                    _after(received, 2, rng) if worse and (late or i % 2) else received
                ) + timedelta(minutes=50)
                reply_at = _after(received, 9 if late else (3 if worse else 1), rng)
                if reply_at > limit:
                    continue
                with clock.frozen_at(accept_at):
                    case = actions.case_accept(case=case, actor=handler.user)
                with clock.frozen_at(reply_at):
                    case = actions.case_reply(case=case, reply=reply, actor=handler.user)
                rating = (
                    rng.choices(
                        [5, 4, 3, 2, 1],
                        weights=[25 - 8 * age, 25 - 8 * age, 20, 20 + 8 * age, 10 + 8 * age],
                    )[0]
                    if worse
                    else rng.choices([5, 4, 3], weights=[70, 25, 5])[0]
                )
                rate_at = _after(reply_at, 1, rng)
                if rate_at > limit:
                    continue
                with clock.frozen_at(rate_at):
                    case = actions.case_rate(
                        case=case,
                        rating=rating,
                        solved=rating >= 3,
                        comment="" if rating >= 4 else "拖了很久才处理，效果也一般。",
                        actor=operator,
                    )
                if rating <= 2 and _after(rate_at, 1, rng) < limit:
                    with clock.frozen_at(_after(rate_at, 1, rng)):
                        if i % 2:
                            actions.case_confirm(
                                case=case, note="答复符合规定，予以确认。", actor=supervisor
                            )
                        else:
                            actions.case_reopen(
                                case=case, reason="群众仍不满意，请重新核查处理。", actor=supervisor
                            )
                            actions.case_note(
                                case=case, note="站长已督促重新处理。", actor=leader.user
                            )

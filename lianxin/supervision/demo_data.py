"""Demo inspection and rectification: a finished unannounced inspection of two stations
with its bulletin (one problem rectified and signed off, one overdue), and a special
inspection planned for the coming weeks."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from lianxin.cases.models import Category
from lianxin.core import clock, files, samples
from lianxin.org.models import Person, Unit

from . import actions
from .models import Inspection


def _person(username: str) -> Person:
    return Person.objects.select_related("unit", "user").get(user__username=username)


def _user(username: str):
    return _person(username).user


def load_demo_supervision(units: dict[str, Unit], *, now: datetime | None = None) -> bool:
    root = units["qingshan"]
    if Inspection.objects.filter(root=root).exists():
        return False
    now = now or clock.now()
    today = timezone.localdate(now)
    road = Category.objects.get(root=root, name="交通安全设施")
    service = Category.objects.get(root=root, name="服务态度")
    sunwei = _user("sunwei")
    start = now - timedelta(days=35)
    with clock.frozen_at(start):
        done = actions.inspection_plan(
            root=root,
            subject="公路站养护作业和窗口服务作风暗访",
            method=Inspection.Method.COVERT,
            units=[units["qs-chengguan"], units["qs-hekou"]],
            team=[_person("sunwei"), _person("zhouming")],
            starts_on=timezone.localdate(start),
            ends_on=timezone.localdate(start) + timedelta(days=1),
            actor=sunwei,
        )
    with clock.frozen_at(start + timedelta(hours=3)):
        signed = actions.finding_record(
            inspection=done,
            unit=units["qs-chengguan"],
            text="环城北路养护作业现场未按规定摆放警示标志，作业人员未穿反光背心",
            place="环城北路K2+150",
            category=road,
            files=files.accept([("现场.jpg", samples.jpeg(color=(180, 120, 40)))]),
            actor=sunwei,
        )
    with clock.frozen_at(start + timedelta(days=1, hours=2)):
        late = actions.finding_record(
            inspection=done,
            unit=units["qs-hekou"],
            text="站内值班记录缺失，12345转办件签收不及时，群众来电无人接听",
            place="河口公路站值班室",
            category=service,
            actor=sunwei,
        )
    with clock.frozen_at(start + timedelta(days=2)):
        actions.inspection_finish(
            inspection=done,
            summary=(
                "督查组采取暗访方式，随机查看了两个公路站的养护作业现场和值班窗口。"
                "总体上各站能按计划开展冬季养护，但仍存在作业安全防护不到位、"
                "值班制度执行不严等问题。现将发现的问题通报如下。"
            ),
            actor=sunwei,
        )
    with clock.frozen_at(start + timedelta(days=3)):
        row = actions.rectification_plan(
            case=signed.case,
            leader=_person("wugang"),
            person=_person("yangfan"),
            measures="1.立即补齐作业区警示标志和反光背心；2.每日开工前由班长检查安全防护；"
            "3.组织全站职工学习作业区安全规程。",
            workdays=5,
            actor=_user("wugang"),
        )
        overdue = actions.rectification_plan(
            case=late.case,
            leader=_person("xuguoqing"),
            person=_person("guolei"),
            measures="1.恢复24小时值班并张贴值班表；2.转办件当日签收；3.站长每周抽查值班记录。",
            workdays=10,
            actor=_user("xuguoqing"),
        )
    with clock.frozen_at(start + timedelta(days=6)):
        actions.rectification_report(
            rectification=row,
            text="警示标志和反光背心已配齐，开工前检查表已建立并执行。",
            final=True,
            files=files.accept([("整改后.jpg", samples.jpeg(color=(60, 160, 80)))]),
            actor=_user("yangfan"),
        )
    with clock.frozen_at(start + timedelta(days=8)):
        actions.rectification_sign_off(
            rectification=row, note="经现场复查，整改到位，同意销号。", actor=sunwei
        )
        actions.rectification_report(
            rectification=overdue,
            text="值班表已张贴，正在落实转办件当日签收制度。",
            actor=_user("guolei"),
        )
    actions.inspection_plan(
        root=root,
        subject="春运保畅和冬季除雪保通专项督查",
        method=Inspection.Method.SPECIAL,
        units=[units["qs-shiqiao"], units["qs-longquan"], units["qs-maint"]],
        team=[_person("sunwei"), _person("malijuan")],
        starts_on=today + timedelta(days=7),
        ends_on=today + timedelta(days=9),
        actor=sunwei,
    )
    _demo_cases(units, now)
    return True


def _demo_cases(units: dict[str, Unit], now: datetime) -> None:
    """A case warned before its reply limit, supervision orders (one flagged, on the public
    notice) waiting for feedback, items not accepted (counted apart), and a complaint of
    misconduct transferred to the discipline office."""
    from lianxin.cases import actions as case_actions
    from lianxin.cases import warnings
    from lianxin.cases.models import Case, Channel, Kind, Status

    root = units["qingshan"]
    road = Category.objects.get(root=root, name="路面病害")
    operator, dispatcher = _user("zhaoli"), _user("chenjing")
    today = timezone.localdate(now)
    received = timezone.make_aware(
        datetime.combine(warnings._workday_before(today, 7), datetime.min.time())
    ) + timedelta(hours=9)
    with clock.frozen_at(received):
        case, _secret = case_actions.case_receive(
            root=root,
            kind=Kind.COMPLAINT,
            channel=Channel.HOTLINE,
            category=road,
            content="解放路与人民路交叉口井盖下沉，车辆经过颠簸严重，夜间有安全隐患。",
            place="城关镇解放路与人民路交叉口",
            citizen_name="钱建平",
            citizen_phone="13905712233",
            actor=operator,
            submit_token="demo-warned-case",
        )
    with clock.frozen_at(received + timedelta(hours=1)):
        case = case_actions.case_dispatch(
            case=case,
            unit=units["qs-chengguan"],
            handler=_person("yangfan"),
            actor=dispatcher,
        )
    with clock.frozen_at(received + timedelta(hours=3)):
        case = case_actions.case_accept(case=case, actor=_user("yangfan"))
    item = clock.item_of(warnings.REPLY, case.pk)
    if item is not None and item.due_at <= now:
        with clock.frozen_at(now):
            warnings.warn_reply(item)
        item.reminded_at = now
        item.save(update_fields=["reminded_at"])
    working = list(
        Case.objects.filter(
            root=root,
            status=Status.IN_PROGRESS,
            paused_at=None,
            supervision__lt=2,
            lead_unit__isnull=False,
        )
        .exclude(pk=case.pk)
        .order_by("received_at")[:2]
    )
    sunwei = _user("sunwei")
    if working:
        with clock.frozen_at(now - timedelta(days=2)):
            actions.order_issue(
                case=working[0],
                expected="请于3个工作日内书面报告处理进展，并说明未按期答复的原因。",
                workdays=3,
                actor=sunwei,
            )
    if len(working) > 1:
        with clock.frozen_at(now - timedelta(days=1)):
            actions.order_issue(
                case=working[1],
                expected="群众多次反映，挂牌督办，限期解决并向群众答复。",
                due_on=today + timedelta(days=10),
                flagged=True,
                actor=sunwei,
            )
    declined = [
        (
            "outside_remit",
            "小区内部道路路灯不亮，请派人修理。",
            "小区内部道路由物业管理，已告知来电人联系物业。",
        ),
        ("nonsense", "（来电无声，多次询问无应答）", ""),
    ]
    for i, (reason, content, note) in enumerate(declined):
        with clock.frozen_at(now - timedelta(hours=3 + i)):
            item_case, _secret = case_actions.case_receive(
                root=root,
                kind=Kind.HELP,
                channel=Channel.HOTLINE,
                category=Category.objects.get(root=root, name="其他"),
                content=content,
                citizen_phone="1380571000" + str(i),
                actor=operator,
                submit_token=f"demo-declined-{i}",
            )
            case_actions.case_decline(case=item_case, reason=reason, note=note, actor=operator)
    with clock.frozen_at(now - timedelta(hours=1)):
        again, _secret = case_actions.case_receive(
            root=root,
            kind=Kind.COMPLAINT,
            channel=Channel.HOTLINE,
            category=road,
            content="又打电话问解放路井盖的事，什么时候修好？",
            citizen_name="钱建平",
            citizen_phone="13905712233",
            actor=operator,
            submit_token="demo-declined-repeat",
        )
        case_actions.case_decline(case=again, reason="repeat", original=case, actor=operator)
    with clock.frozen_at(now - timedelta(minutes=30)):
        bribe, _secret = case_actions.case_receive(
            root=root,
            kind=Kind.COMPLAINT,
            channel=Channel.HOTLINE,
            category=Category.objects.get(root=root, name="路政许可"),
            content="办理路口开设许可时，经办人员暗示要请吃饭才能尽快办理，请查处。",
            citizen_name="孙立新",
            citizen_phone="13905718866",
            actor=operator,
            submit_token="demo-transferred",
        )
        actions.complaint_transfer(
            case=bribe,
            accused_unit=units["qs-roadadmin"],
            accused_text="路政许可经办人员",
            actor=dispatcher,
        )

"""Demo cases: about 160 items over the last 90 days in every state, made through the
actions at the times they would have happened, then one clock sweep."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from lianxin.core import clock, files, samples
from lianxin.core.actor import Actor
from lianxin.org.models import Person, Unit

from . import actions
from . import workflow as wf
from .models import Case, Category, Kind, ReplyTemplate, Supervision, TimeLimit

# name, usual unit code
CATEGORIES = [
    ("路面病害", None),
    ("桥涵设施", "qs-maint"),
    ("交通安全设施", "qs-maint"),
    ("绿化保洁", None),
    ("路政许可", "qs-roadadmin"),
    ("超限运输", "qs-zhichao"),
    ("服务态度", "qs-office"),
    ("其他", None),
]

TOWNS = [
    ("城关镇", "qs-chengguan", ["环城北路", "解放路", "城东社区", "人民路"]),
    ("河口镇", "qs-hekou", ["新街", "河口村", "渡口社区", "滨江路"]),
    ("石桥乡", "qs-shiqiao", ["石桥村", "下庄村", "乡道X306", "石桥社区"]),
    ("龙泉镇", "qs-longquan", ["龙泉大道", "溪口村", "龙泉社区", "县道X112"]),
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = [
    "建华",
    "秀英",
    "志明",
    "丽娟",
    "海波",
    "桂兰",
    "国平",
    "晓燕",
    "德胜",
    "春花",
    "宏伟",
    "小红",
]

# kind, category, content (with {place}), reply
ITEMS = [
    (
        "help",
        "路面病害",
        "{place}路段出现一个大坑，直径约一米，晚上骑电动车很危险，请尽快修补。",
        "经现场核查，该坑槽已于今日用沥青冷补料完成修补，感谢您的反映。",
    ),
    (
        "complaint",
        "路面病害",
        "{place}附近路面修补后一直没有压实，车辆经过颠簸严重，已经反映过一次了。",
        "养护班组已对该处重新铣刨摊铺并压实，后续将加强施工质量检查。",
    ),
    (
        "help",
        "桥涵设施",
        "{place}小桥的护栏断了两根，旁边就是小学，孩子上下学不安全。",
        "已设置临时警示围挡，护栏已更换完毕，并安排每周巡查。",
    ),
    (
        "help",
        "交通安全设施",
        "{place}弯道的警示牌被车撞倒了，夜间看不清弯道。",
        "警示标志已重新安装并加装了反光膜，感谢提醒。",
    ),
    (
        "suggestion",
        "交通安全设施",
        "建议在{place}学校门口增设减速带和人行横道标线。",
        "您的建议已采纳，已会同交警部门完成减速带和标线施划。",
    ),
    (
        "complaint",
        "绿化保洁",
        "{place}边沟堵塞，下雨后积水漫到路面，影响通行。",
        "已组织人员清理边沟淤泥，并对排水口进行疏通。",
    ),
    (
        "consult",
        "路政许可",
        "想在{place}路边开一个农家乐路口，需要办理什么手续？",
        "平交道口设置需向路政科申请许可，提交申请书、道口设计图和土地使用证明，"
        "承诺受理后12个工作日内办结（法定时限20个工作日）。",
    ),
    (
        "consult",
        "路政许可",
        "在{place}公路两侧多少米内不能建房？",
        "根据《公路安全保护条例》，县道建筑控制区不少于10米，乡道不少于5米，具体以实地划定为准。",
    ),
    (
        "consult",
        "超限运输",
        "大件运输车辆经过{place}需要办理什么证？",
        "超限运输许可可在网上申请，提交申请表、车辆行驶证和驾驶人驾驶证，"
        "承诺受理后5个工作日内办结（法定时限15个工作日）。",
    ),
    (
        "complaint",
        "超限运输",
        "{place}夜间经常有超载货车通过，路面压坏了，噪音也大。",
        "治超检测站已加强夜间巡查，并联合交警开展专项整治行动。",
    ),
    (
        "complaint",
        "服务态度",
        "到{place}办事窗口咨询时工作人员态度生硬，问了几遍都不耐烦。",
        "已对相关工作人员进行批评教育，并在全站开展文明服务培训，向您致歉。",
    ),
    (
        "praise",
        "路面病害",
        "{place}的道路修得又快又好，感谢养护工人的辛勤付出！",
        "感谢您的肯定，我们会继续努力。",
    ),
    (
        "suggestion",
        "绿化保洁",
        "建议在{place}沿线补种行道树，夏天太晒。",
        "已纳入明年春季绿化补植计划。",
    ),
    (
        "help",
        "其他",
        "{place}路边有一棵树被大风刮倒，挡住了半幅路面。",
        "倒伏树木已于当日清理完毕，道路恢复畅通。",
    ),
]

PROBLEMS = [
    (
        "inspection",
        "交通安全设施",
        "养护巡查记录填写不规范",
        "抽查发现巡查日志存在补记、漏记情况，需整改并建立每日签字制度。",
    ),
    (
        "research",
        "服务态度",
        "窗口办事指南未及时更新",
        "调研中群众反映窗口张贴的办事指南仍为旧版本，需全面更新。",
    ),
    (
        "leader",
        "路面病害",
        "坑槽修补平均用时偏长",
        "领导班子问题清单：坑槽修补平均超过5天，需压缩到3天以内。",
    ),
    (
        "inspection",
        "绿化保洁",
        "站区环境卫生不达标",
        "作风检查发现站区杂物堆放，需限期清理并建立责任区。",
    ),
    (
        "research",
        "其他",
        "夜间应急值班电话无人接听",
        "走访中群众反映夜间值班电话两次无人接听，需落实值班制度。",
    ),
]

TEMPLATES = [
    (
        "坑槽已修补",
        "路面病害",
        "您好！经现场核查，您反映的坑槽已于X月X日修补完毕。感谢您对公路养护工作的关心和支持。",
    ),
    (
        "已列入计划",
        None,
        "您好！您反映的问题已列入我站近期养护计划，预计X月X日前完成，届时将再次回复您。",
    ),
    (
        "许可办理指引",
        "路政许可",
        "您好！该事项需到县政务服务中心公路窗口办理，所需材料详见办事指南，电话0571-86601220。",
    ),
]


def _person(username: str) -> Person:
    return Person.objects.select_related("user").get(user__username=username)


def _at(day, hour: int, minute: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _later(rng: random.Random, start: datetime, max_hours: float) -> datetime:
    return start + timedelta(hours=rng.uniform(0.3, max_hours))


def load_demo_cases(units: dict[str, Unit], *, now: datetime | None = None) -> int:
    """Make the demo cases once; returns how many cases the organisation has."""
    root = units["qingshan"]
    if Case.objects.filter(root=root).exists():
        return Case.objects.filter(root=root).count()
    now = now or clock.now()
    rng = random.Random(20261129)
    categories = {}
    for i, (name, unit_code) in enumerate(CATEGORIES):
        categories[name] = Category.objects.create(
            root=root,
            name=name,
            default_unit=units.get(unit_code) if unit_code else None,
            sort_order=i,
        )
    TimeLimit.objects.create(
        root=root, category=categories["路政许可"], kind=Kind.CONSULT, reply_workdays=5
    )
    for title, cat, text in TEMPLATES:
        for code in ("qs-chengguan", "qs-hekou", "qs-roadadmin"):
            ReplyTemplate.objects.create(
                unit=units[code],
                category=categories.get(cat) if cat else None,
                title=title,
                text=text,
            )
    operator, dispatcher = _person("zhaoli").user, _person("chenjing").user
    supervisor, leader = _person("sunwei").user, _person("zhangjianguo").user
    handlers: dict[str, Person] = {}  # the units that have one
    leaders: dict[str, Person] = {}
    for code in units:
        for role, found in (("handler", handlers), ("leader", leaders)):
            person = Person.objects.filter(unit=units[code], grants__role=role).first()
            if person is not None:
                found[code] = person

    def unit_for(category_name, town_unit):
        usual = dict(CATEGORIES)[category_name]
        return units[usual] if usual else units[town_unit]

    for n in range(150):
        days_ago = int(rng.triangular(0, 90, 10)) if n < 144 else 0
        day = (now - timedelta(days=days_ago)).date()
        received = _at(day, rng.randint(7, 20), rng.randint(0, 59))
        if received >= now:
            received = now - timedelta(hours=1 + n % 5)
        kind, cat, content, reply = ITEMS[n % len(ITEMS)]
        town, town_unit, spots = TOWNS[rng.randrange(len(TOWNS))]
        place = f"青山县{town}{rng.choice(spots)}"
        channel = rng.choice(["web", "web", "hotline", "hotline", "hotline", "letter", "visit"])
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        phone = f"13{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}"
        with clock.frozen_at(received):
            case, _secret = actions.case_receive(
                root=root,
                kind=kind,
                channel=channel,
                category=categories[cat],
                content=content.format(place=place),
                place=place,
                citizen_name=name,
                citizen_phone=phone,
                is_public=rng.random() < 0.7,
                urgent=rng.random() < 0.05,
                actor=Actor.citizen("web") if channel == "web" else operator,
                submit_token=f"demo-{n}",
                client="demo",
                files=files.accept([(f"现场照片{n}.jpg", samples.road_photo(n))])
                if channel == "web" and n % 3 == 0
                else (),
            )
        fate = rng.random()
        if n >= 144 or (days_ago <= 1 and fate < 0.5):
            continue  # still waiting for dispatch
        if fate < 0.03 and kind != Kind.PROBLEM:
            with clock.frozen_at(_later(rng, received, 3)):
                actions.case_withdraw(case=case, actor=Actor.citizen("demo"))
            continue
        if kind == Kind.CONSULT and channel == "hotline" and fate < 0.6:
            with clock.frozen_at(received + timedelta(minutes=4)):
                actions.case_answer(case=case, reply=reply, reusable=True, actor=operator)
            continue
        if n in (30, 77) or (n > 20 and fate < 0.06):
            original = Case.objects.filter(root=root, kind=case.kind).exclude(pk=case.pk).first()
            if original is not None:
                with clock.frozen_at(_later(rng, received, 2)):
                    actions.case_merge(case=case, original=original, actor=dispatcher)
            continue
        unit = unit_for(cat, town_unit)
        at = _later(rng, received, 3)
        with clock.frozen_at(at):
            if fate < 0.1 and n > 5:
                wrong = units[TOWNS[(TOWNS.index((town, town_unit, spots)) + 1) % 4][1]]
                case = actions.case_dispatch(case=case, unit=wrong, actor=dispatcher)
                case = actions.case_return(
                    case=case,
                    reason="该路段不在本站管养范围，请改派。",
                    actor=leaders[wrong.code].user,
                )
            case = actions.case_dispatch(
                case=case, unit=unit, handler=handlers.get(unit.code), actor=dispatcher
            )
        if days_ago <= 2 and fate < 0.7:
            continue  # dispatched, not accepted yet
        at = _later(rng, at, 20)
        handler = handlers.get(unit.code) or leaders[unit.code]
        with clock.frozen_at(min(at, now)):
            case = actions.case_accept(case=case, actor=handler.user)
        age_fate = rng.random()
        if days_ago <= 6 and age_fate < 0.5:
            continue  # in progress, on time
        if days_ago > 8 and age_fate < 0.08:
            continue  # overdue: the clock reminds and supervises
        if age_fate < 0.12:
            with clock.frozen_at(min(_later(rng, at, 24), now)):
                actions.case_pause(
                    case=case, question="请提供具体位置照片或附近的里程桩号。", actor=handler.user
                )
            if rng.random() < 0.5:
                continue
            with clock.frozen_at(min(_later(rng, at, 72), now)):
                case = actions.case_resume(
                    case=case, note="群众电话补充：在K12+300附近。", actor=handler.user
                )
        if age_fate < 0.18 and case.reply_due and case.reply_due > min(at, now):
            with clock.frozen_at(min(_later(rng, at, 24), now)):
                actions.case_request_extension(
                    case=case, workdays=5, reason="需协调交警部门共同处理。", actor=handler.user
                )
            if rng.random() < 0.3:
                continue  # the leader has not decided yet
            with clock.frozen_at(min(_later(rng, at, 30), now)):
                actions.case_decide_extension(case=case, approve=True, actor=dispatcher)
        reply_at = min(_later(rng, at, rng.choice([20, 60, 120, 200])), now - timedelta(hours=1))
        with clock.frozen_at(reply_at):
            case = actions.case_reply(
                case=case, reply=reply, reusable=rng.random() < 0.3, actor=handler.user
            )
        if rng.random() < 0.12 or ((now - reply_at).days < 7 and rng.random() < 0.5):
            continue  # no rating: waiting for it, or closed unrated by the clock after 7 days
        rate_at = min(_later(rng, reply_at, 48), now)
        rating = rng.choices([5, 4, 3, 2, 1], weights=[50, 28, 10, 8, 4])[0]
        by_callback = channel != "web"
        with clock.frozen_at(rate_at):
            case = actions.case_rate(
                case=case,
                rating=rating,
                solved=rating >= 3 or rng.random() < 0.2,
                comment="" if rating >= 4 else "问题还没彻底解决。",
                actor=operator if by_callback else Actor.citizen("demo"),
            )
        if rating <= 2:
            decide_at = min(_later(rng, rate_at, 30), now)
            choice = rng.random()
            with clock.frozen_at(decide_at):
                if choice < 0.4:
                    actions.case_reopen(
                        case=case, reason="群众不满意，请重新核查处理。", actor=supervisor
                    )
                elif choice < 0.7:
                    actions.case_confirm(
                        case=case, note="已按规定答复，予以确认。", actor=supervisor
                    )
                    actions.case_appeal(
                        case=case,
                        reason="该群众诉求超出职责范围，已耐心解释，评价有失公允。",
                        actor=leaders[unit.code].user,
                    )
    # Internal problems (M2) issued by the organ's leader.
    stations = ["qs-chengguan", "qs-hekou", "qs-shiqiao", "qs-longquan", "qs-zhichao"]
    for i, (channel, cat, title, content) in enumerate(PROBLEMS):
        received = now - timedelta(days=40 - i * 8)
        unit = units[stations[i]]
        with clock.frozen_at(received):
            case, _s = actions.case_receive(
                root=root,
                kind=Kind.PROBLEM,
                channel=channel,
                category=categories[cat],
                title=title,
                content=content,
                actor=leader,
                submit_token=f"demo-problem-{i}",
                client="demo",
            )
            case = actions.case_dispatch(case=case, unit=unit, actor=leader)
        with clock.frozen_at(received + timedelta(days=1)):
            case = actions.case_accept(case=case, actor=leaders[unit.code].user)
        if i < 3:
            with clock.frozen_at(received + timedelta(days=10)):
                case = actions.case_reply(
                    case=case,
                    reply="已制定整改措施并落实到人，整改完成。",
                    actor=leaders[unit.code].user,
                )
            if i < 2:
                with clock.frozen_at(received + timedelta(days=12)):
                    actions.case_verify(case=case, note="经复查，整改到位。", actor=leader)
    # A hand-flagged case for the public notice.
    open_case = (
        Case.objects.filter(root=root, status=wf.P, kind=Kind.COMPLAINT)
        .order_by("received_at")
        .first()
    )
    if open_case is not None:
        with clock.frozen_at(now - timedelta(hours=2)):
            actions.case_supervise(
                case=open_case,
                level=Supervision.FLAGGED,
                note="群众反映强烈，挂牌督办，限期办结。",
                actor=supervisor,
            )
    from .demo_contrast import load_contrast

    load_contrast(root, units, now=now)
    with transaction.atomic():
        clock.sweep(at=now)
    return Case.objects.filter(root=root).count()

"""Demo contact work: places of each station, contact points of the leaders, a stint, about
50 diary entries of the last 90 days (needs turned into cases, some checked by leaders),
research visits whose problems became internal problem cases; and demo mediations."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from lianxin.cases.models import Category
from lianxin.core import clock
from lianxin.org.models import Person, Unit

from . import actions
from .models import ContactPoint, Place

PLACES = {
    "qs-chengguan": [
        ("城东社区", "community"),
        ("青山小学", "school"),
        ("城关物流园", "enterprise"),
    ],
    "qs-hekou": [("河口村", "village"), ("渡口社区", "community")],
    "qs-shiqiao": [("石桥村", "village"), ("下庄村", "village"), ("石桥砂石场", "enterprise")],
    "qs-longquan": [("溪口村", "village"), ("龙泉社区", "community")],
    "qs-zhichao": [("S205沿线货运站", "enterprise")],
}
# who was met, what they said, the need raised - by the kind of place where they meet
# (村两委成员 at a village, a headmaster at a school)
SAID = {
    "village": [
        ("村民代表王大爷等5人", "反映村口道路晚上没有路灯，冬季天黑早，老人孩子出行不安全。",
         "村口路段增设路灯"),
        ("村两委成员", "雨季边沟经常堵，积水漫到路面。", "清理边沟"),
        ("种植大户", "农忙时农机上路多，希望加宽机耕路连接线。", ""),
    ],
    "community": [
        ("社区主任和居民代表", "对今年修好的背街小巷很满意，希望继续做好日常保洁。", ""),
        ("社区网格员", "社区门口人行道砖松动，老人走路容易绊倒。", "修补人行道"),
    ],
    "school": [
        ("学校校长", "上下学时段校门口车辆多，学生过马路危险。", "校门口增设减速带和人行横道"),
        ("学校家委会代表", "学校门口路段雨天积水，接送孩子不方便。", "疏通路段排水"),
    ],
    "enterprise": [
        ("企业负责人", "大货车进出路口视线不好，希望修剪路口绿化。", "修剪路口绿化遮挡"),
        ("园区管理人员", "园区出口路面坑洼，货车颠簸掉货。", "修补路面坑槽"),
    ],
}  # fmt: skip
# contact points left unvisited so that the cadence shows failure: not yet this month, and
# missed last month (the month is over: 未走访)
NOT_THIS_MONTH = {("wugang", "城关物流园"), ("yangfan", "城东社区")}
NOT_LAST_MONTH = {("tangjianping", "溪口村")}


def _avoid(username: str, place: str, day: date, today: date) -> date:
    """The day moved back a month when that contact point is to stay unvisited then."""
    this_month = today.replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    if (username, place) in NOT_THIS_MONTH and day >= this_month:
        day -= timedelta(days=31)
    if (username, place) in NOT_LAST_MONTH and last_month <= day < this_month:
        day -= timedelta(days=31)
    return day


def _person(username: str) -> Person:
    return Person.objects.select_related("unit", "user").get(user__username=username)


def load_demo_liaison(units: dict[str, Unit], *, now: datetime | None = None) -> bool:
    root = units["qingshan"]
    if Place.objects.filter(unit__path__startswith=root.path).exists():
        return False
    now = now or clock.now()
    today = timezone.localdate(now)
    rng = random.Random(5)
    admin = _person("wangfang").user
    places = {}
    for code, rows in PLACES.items():
        for name, kind in rows:
            places[name] = actions.place_save(unit=units[code], name=name, kind=kind, actor=admin)
    cadres = {
        "zhangjianguo": ["城东社区", "石桥村"],
        "liguohua": ["河口村"],
        "wugang": ["青山小学", "城关物流园"],
        "xuguoqing": ["渡口社区"],
        "luozhigang": ["下庄村"],
        "tangjianping": ["溪口村"],
        "yangfan": ["城东社区"],
    }
    for username, names in cadres.items():
        for name in names:
            actions.contact_point_assign(person=_person(username), place=places[name], actor=admin)
    # 石桥公路站's leader also looks after the gravel works, and has not been there (scorecards).
    actions.contact_point_assign(
        person=_person("luozhigang"), place=places["石桥砂石场"], actor=admin
    )
    # the points were assigned before the 90 days of diaries (created_at is not on the clock)
    ContactPoint.objects.filter(place__unit__path__startswith=root.path).update(
        created_at=now - timedelta(days=100)
    )
    stint = actions.stint_plan(
        person=_person("luozhigang"),
        place=places["石桥村"],
        starts_on=today - timedelta(days=20),
        ends_on=today + timedelta(days=10),
        actor=admin,
    )
    actions.stint_days(stint=stint, days=12, actor=_person("luozhigang").user)
    category = (
        Category.objects.filter(root=root, name="路面病害").first()
        or Category.objects.filter(root=root).first()
    )
    reviewers = {
        "wugang": "zhangjianguo",
        "xuguoqing": "zhangjianguo",
        "yangfan": "wugang",
        "luozhigang": "zhangjianguo",
        "tangjianping": "zhangjianguo",
    }
    for n in range(50):
        username = list(cadres)[n % len(cadres)]
        person = _person(username)
        place = places[cadres[username][n % len(cadres[username])]]
        day = today - timedelta(days=int(rng.triangular(0, 88, 15)))
        day = _avoid(username, place.name, day, today)
        said_here = SAID[place.kind]
        met, said, need = said_here[n % len(said_here)]
        with clock.frozen_at(timezone.make_aware(datetime.combine(day, time(16, 0)))):
            visit = actions.visit_record(
                place=place,
                kind="stint" if username == "luozhigang" else "visit",
                day=day,
                met=met,
                said=said,
                needs=[need] if need else [],
                signature=met[:2] + "某",
                actor=person.user,
            )
            if need and rng.random() < 0.75:
                actions.need_to_case(need=visit.needs.first(), category=category, actor=person.user)
        if username in reviewers and (today - day).days > 10 and rng.random() < 0.6:
            with clock.frozen_at(
                min(
                    timezone.make_aware(datetime.combine(day + timedelta(days=7), time(10))),
                    now - timedelta(hours=1),
                )
            ):
                actions.visit_review(
                    visit=visit,
                    comment="走访扎实，需求要跟踪到底。",
                    actor=_person(reviewers[username]).user,
                )
    offices = {"qs-maint": units["qs-maint"], "qs-roadadmin": units["qs-roadadmin"]}
    for i, code in enumerate(["qs-hekou", "qs-shiqiao", "qs-zhichao"]):
        day = today - timedelta(days=30 - i * 10)
        with clock.frozen_at(timezone.make_aware(datetime.combine(day, time(15)))):
            actions.research_record(
                station=units[code],
                kind="symposium" if i == 1 else "research",
                day=day,
                team="张建国、周明、冯建军",
                attendees=f"{units[code].name}全体职工",
                summary="听取站所工作汇报，征求对机关的意见建议。",
                problems=[
                    ("一线养护机械老化，冬季除雪能力不足", offices["qs-maint"]),
                    ("路政执法车辆不足，夜间巡查难以保证", offices["qs-roadadmin"]),
                ],
                category=category,
                actor=_person("zhangjianguo").user,
            )
    _demo_mediation(units, now, today)
    return True


def _demo_mediation(units, now, today: date) -> None:
    from lianxin.mediation import actions as m

    mediator = _person("fengjianjun")
    office_user = _person("fengjianjun").user
    with clock.frozen_at(now - timedelta(days=40)):
        # 石桥公路站 is a party, so the organ (the level above) takes the dispute, not 路政科;
        # the head of the organ names 路政科's head as mediator
        d = m.dispute_open(
            unit=units["qingshan"],
            subject="公路边沟改造占用承包地补偿纠纷",
            category="land",
            description="石桥村村民李某称边沟改造占用其承包地约0.3亩，要求补偿。",
            mediator=mediator,
            actor=_person("zhangjianguo").user,
            parties=[
                {"name": "李某", "contact": "13905710001"},
                {"name": "石桥公路站", "kind": "organisation", "contact": "0571-86602300"},
            ],
        )
    with clock.frozen_at(now - timedelta(days=38)):
        m.session_add(
            dispute=d,
            day=today - timedelta(days=38),
            place="石桥村委会",
            attendees="李某、罗志刚、村主任",
            notes="双方陈述，现场丈量占地面积0.28亩。",
            actor=office_user,
        )
    with clock.frozen_at(now - timedelta(days=33)):
        m.session_add(
            dispute=d,
            day=today - timedelta(days=33),
            place="石桥村委会",
            attendees="李某、罗志刚、村主任",
            notes="依据征地补偿标准协商，双方同意。",
            actor=office_user,
        )
        m.dispute_close(
            dispute=d,
            outcome="success",
            actor=office_user,
            agreement="一、石桥公路站按标准一次性补偿李某青苗及土地使用费人民币捌仟元整；\n二、款项于协议签订后十五日内支付；\n三、李某不再就此事提出其他要求。",
            follow_up_on=today - timedelta(days=3),
        )
    with clock.frozen_at(now - timedelta(days=5)):
        d2 = m.dispute_open(
            unit=units["qs-roadadmin"],
            subject="施工车辆损坏村道赔偿纠纷",
            category="roadwork",
            description="河口村反映施工车辆压坏村道，施工方不认可。",
            mediator=mediator,
            actor=office_user,
            parties=[
                {"name": "河口村委会", "kind": "organisation"},
                {"name": "青山建工集团", "kind": "organisation"},
            ],
        )
        m.session_add(
            dispute=d2,
            day=today - timedelta(days=5),
            place="河口公路站",
            attendees="村委会、施工方项目经理",
            notes="双方分歧较大，约定下周现场勘验。",
            actor=office_user,
        )
    clock.sweep(at=now)

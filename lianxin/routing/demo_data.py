"""Demo routing: keyword rules, the road register of 青山县, a cluster of pothole calls on
G205 near 石桥村 this month (a hotspot, and duplicates to merge), and a trained model."""

from __future__ import annotations

from datetime import timedelta

from lianxin.cases import actions as case_actions
from lianxin.cases.models import Case, Category
from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.org.models import Person, Unit

from . import actions
from .models import KeywordRule, RoadSection
from .training import train

# keyword, unit code, category name, priority
RULES = [
    ("超限", "qs-zhichao", "超限运输", 8),
    ("超载", "qs-zhichao", "超限运输", 8),
    ("大件运输", "qs-zhichao", "超限运输", 7),
    ("建房", "qs-roadadmin", "路政许可", 7),
    ("路口", "qs-roadadmin", "路政许可", 5),
    ("广告牌", "qs-roadadmin", "路政许可", 6),
    ("态度", "qs-office", "服务态度", 8),
    ("护栏", None, "桥涵设施", 5),
    ("警示牌", "qs-maint", "交通安全设施", 6),
    ("标线", "qs-maint", "交通安全设施", 6),
    ("减速带", "qs-maint", "交通安全设施", 5),
    ("坑", None, "路面病害", 6),
    ("塌陷", None, "路面病害", 7),
    ("边沟", None, "绿化保洁", 5),
    ("倒伏", None, "其他", 4),
]

# route, from, to, places, station code
SECTIONS = [
    ("G205", "K0+000", "K18+000", "城关镇 环城北路 解放路 城东社区 人民路", "qs-chengguan"),
    ("G205", "K18+000", "K31+500", "石桥乡 石桥村 下庄村 石桥社区", "qs-shiqiao"),
    ("S205", "K0+000", "K30+000", "河口镇 新街 河口村 渡口社区 滨江路", "qs-hekou"),
    ("S205", "K30+000", "K34+000", "", "qs-zhichao"),
    ("S311", "K0+000", "K22+600", "龙泉镇 龙泉大道 溪口村 龙泉社区", "qs-longquan"),
    ("X112", "K0+000", "K15+300", "", "qs-longquan"),
    ("X306", "K0+000", "K11+800", "", "qs-shiqiao"),
]

CLUSTER = [
    ("G205国道K24+300石桥村口路段又出现好几个大坑，晚上骑车差点摔倒，请尽快修补。", "13705710001"),
    ("石桥村口国道上坑槽很多，大货车过去溅水，请养护站来补一下。", "13705710002"),
    ("205国道24公里处石桥村附近路面坑洼，前几天补过又坏了。", "13705710001"),
    ("G205 K24+500 石桥村路段路面破损严重，坑很深，已经有电动车摔了。", "13705710003"),
    ("国道205线石桥村口附近坑槽反复出现，希望彻底修好，不要年年补。", "13705710004"),
]


def load_demo_routing(units: dict[str, Unit]) -> None:
    root = units["qingshan"]
    categories = {c.name: c for c in Category.objects.filter(root=root)}
    if not KeywordRule.objects.filter(root=root).exists():
        for keyword, unit_code, cat, priority in RULES:
            actions.rule_save(
                root=root,
                keyword=keyword,
                unit=units.get(unit_code) if unit_code else None,
                category=categories.get(cat),
                priority=priority,
                actor=Actor.system("demo"),
            )
    if not RoadSection.objects.filter(root=root).exists():
        for route, start, end, names, code in SECTIONS:
            actions.section_save(
                root=root,
                station=units[code],
                route=route,
                start=start,
                end=end,
                place_names=names,
                actor=Actor.system("demo"),
            )
    if not Case.objects.filter(root=root, content=CLUSTER[0][0]).exists():
        operator = Person.objects.get(user__username="zhaoli").user
        dispatcher = Person.objects.get(user__username="chenjing").user
        now = clock.now()
        for i, (content, phone) in enumerate(CLUSTER):
            with clock.frozen_at(now - timedelta(hours=7 * (len(CLUSTER) - i))):
                case, _secret = case_actions.case_receive(
                    root=root,
                    kind="complaint",
                    channel="hotline",
                    category=categories["路面病害"],
                    content=content,
                    place="青山县石桥乡石桥村",
                    citizen_name="石桥村民",
                    citizen_phone=phone,
                    actor=operator,
                )
                if i < 3:
                    case_actions.case_dispatch(
                        case=case, unit=units["qs-shiqiao"], actor=dispatcher
                    )
    train(root, full=True)

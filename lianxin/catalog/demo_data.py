"""Demo services: four services of a highway organ with published guides (one with two
versions), commitments, and about 60 requests of the last 90 days in every state, with good
and bad reviews, rectifications and an appeal."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from django.utils import timezone

from lianxin.core import clock
from lianxin.org.models import Person, Unit

from . import actions
from .models import Service

SERVICES = [
    (
        "roadwork",
        "涉路施工许可",
        "qs-roadadmin",
        20,
        10,
        [
            ("涉路施工许可申请书", True, 0, ""),
            ("施工方案及图纸", False, 2, "加盖公章"),
            ("安全保障措施", False, 1, ""),
            ("营业执照或身份证", False, 1, ""),
        ],
    ),
    (
        "oversize",
        "超限运输许可",
        "qs-zhichao",
        15,
        5,
        [
            ("超限运输申请表", True, 0, ""),
            ("车辆行驶证", False, 1, ""),
            ("驾驶人驾驶证", False, 1, ""),
            ("货物说明", False, 1, ""),
        ],
    ),
    (
        "crossing",
        "平交道口设置许可",
        "qs-roadadmin",
        20,
        12,
        [
            ("平交道口设置申请书", True, 0, ""),
            ("道口设计图", False, 2, ""),
            ("土地使用证明", False, 1, ""),
        ],
    ),
    (
        "sign",
        "非公路标志设置许可",
        "qs-roadadmin",
        20,
        8,
        [
            ("设置申请书", True, 0, ""),
            ("标志样式及尺寸", False, 1, ""),
            ("设置位置图", False, 1, ""),
        ],
    ),
]
COMMON = {
    "conditions": "申请人应为具有完全民事行为能力的自然人、法人或其他组织；\n所涉公路路段属本段管养范围。",
    "steps": "1. 申请人提交材料\n2. 窗口受理并出具受理通知书\n3. 现场勘查\n4. 审查决定\n5. 送达许可决定书",
    "fees": "不收费",
    "place": "青山县政务服务中心二楼公路窗口",
    "hours": "工作日 8:30-12:00，13:30-17:30",
    "consult_phone": "0571-86601220",
    "complaint_phone": "0571-86601240",
    "visits": 1,
}
# Each service's own legal basis (the articles that make it a licence and set its procedure).
LEGAL_BASIS = {
    "roadwork": (
        "《中华人民共和国公路法》第四十四条（占用、挖掘公路）、第四十五条（跨越、穿越公路修建"
        "桥梁、渡槽或者架设、埋设管线等设施）；\n《公路安全保护条例》第二十七条第（一）至（四）"
        "项、第（七）项，第二十八条（申请涉路施工许可应当提交的材料）"
    ),
    "oversize": (
        "《中华人民共和国公路法》第五十条（超限车辆在公路、公路桥梁、公路隧道行驶须经批准）；\n"
        "《公路安全保护条例》第三十五条、第三十六条（公路超限运输许可）；\n"
        "《超限运输车辆行驶公路管理规定》（交通运输部令2016年第62号）第二章“大件运输许可管理”"
    ),
    "crossing": (
        "《中华人民共和国公路法》第五十五条（在公路上增设平面交叉道口须经批准）；\n"
        "《公路安全保护条例》第二十七条第（六）项（在公路上增设或者改造平面交叉道口）"
    ),
    "sign": (
        "《中华人民共和国公路法》第五十四条（在公路用地范围内设置公路标志以外的其他标志须经批准）；\n"
        "《公路安全保护条例》第二十七条第（五）项（利用跨越公路的设施悬挂非公路标志）"
    ),
}
NAMES = [
    "青山建工集团",
    "河口物流有限公司",
    "王建华",
    "李秀英",
    "龙泉石材厂",
    "城东农家乐",
    "石桥砂石场",
]


def _staff(unit: Unit, role: str) -> Person:
    """The demo unit's first person in this role (the org demo gives each one)."""
    person = Person.objects.filter(unit=unit, grants__role=role).first()
    if person is None:
        raise LookupError(f"the demo unit {unit} has no {role}")
    return person


def load_demo_catalog(units: dict[str, Unit], *, now: datetime | None = None) -> bool:
    root = units["qingshan"]
    if Service.objects.filter(root=root).exists():
        return False
    now = now or clock.now()
    rng = random.Random(11)
    admin = Person.objects.get(user__username="wangfang").user
    services = []
    for i, (code, name, unit_code, legal, promised, materials) in enumerate(SERVICES):
        service = actions.service_save(
            root=root, code=code, name=name, unit=units[unit_code], sort_order=i, actor=admin
        )
        with clock.frozen_at(now - timedelta(days=120)):
            draft = actions.guide_draft(service=service, actor=admin)
            actions.guide_update(
                guide=draft,
                actor=admin,
                legal_workdays=legal,
                promised_workdays=promised + (3 if code == "oversize" else 0),
                materials=[
                    {"name": m, "original": o, "copies": c, "note": n} for m, o, c, n in materials
                ],
                legal_basis=LEGAL_BASIS[code],
                **COMMON,
            )
            actions.guide_publish(guide=draft, actor=admin)
        if code == "oversize":  # a second version: shorter promise, one paper less
            with clock.frozen_at(now - timedelta(days=100)):
                draft = actions.guide_draft(service=service, actor=admin)
                actions.guide_update(
                    guide=draft,
                    actor=admin,
                    promised_workdays=promised,
                    materials=draft.materials[:3],
                    steps=COMMON["steps"] + "\n（可全程网上办理）",
                )
                actions.guide_publish(guide=draft, actor=admin)
        services.append(service)
        actions.commitment_save(
            root=root,
            service=service,
            target_workdays=promised,
            text=f"{name}{promised}个工作日内办结",
            sort_order=i,
            actor=admin,
        )
    actions.commitment_save(
        root=root, text="窗口首问负责，一次性告知，不让群众跑第二趟", sort_order=10, actor=admin
    )
    actions.commitment_save(
        root=root, text="咨询电话工作时间内随时有人接听", sort_order=11, actor=admin
    )

    handlers = {u: _staff(units[u], "handler").user for u in ("qs-roadadmin", "qs-zhichao")}
    leaders = {u: _staff(units[u], "leader").user for u in ("qs-roadadmin", "qs-zhichao")}
    supervisor = Person.objects.get(user__username="sunwei").user
    for n in range(60):
        service = services[n % len(services)]
        unit_code = SERVICES[n % len(SERVICES)][2]
        handler, leader = handlers[unit_code], leaders[unit_code]
        days_ago = rng.randint(0, 5) if n >= 50 else int(rng.triangular(6, 90, 20))
        received = timezone.make_aware(
            datetime.combine((now - timedelta(days=days_ago)).date(), datetime.min.time())
        ) + timedelta(hours=rng.randint(9, 16))
        received = min(received, now - timedelta(hours=2))
        with clock.frozen_at(received):
            req, secret = actions.request_register(
                service=service,
                applicant_name=rng.choice(NAMES),
                applicant_phone=f"13{rng.randint(0, 9)}{rng.randint(10000000, 99999999)}",
                subject=f"{service.name}：青山县{rng.choice(['S205线', 'X306线', 'X112线'])}K{rng.randint(1, 40)}",
                channel=rng.choice(["window", "online"]),
                submit_token=f"demo-req-{n}",
                actor=handler,
            )
        fate = rng.random()
        at = received
        if fate < 0.25:
            at = at + timedelta(days=1)
            with clock.frozen_at(min(at, now - timedelta(hours=1))):
                req = actions.request_pause(
                    req=req, missing=[req.guide.materials[-1]["name"]], actor=handler
                )
            if days_ago <= 5:
                continue  # still waiting for materials
            at = at + timedelta(days=rng.randint(2, 6))
            with clock.frozen_at(min(at, now - timedelta(hours=1))):
                req = actions.request_resume(req=req, actor=handler)
        if days_ago <= 6:
            if fate > 0.9 and req.status == "in_progress":
                with clock.frozen_at(min(at + timedelta(hours=2), now - timedelta(minutes=30))):
                    actions.request_extend(
                        req=req, workdays=5, reason="需会同交警现场勘查", actor=handler
                    )
            continue  # in progress
        done_at = min(
            req.due_at - timedelta(days=rng.randint(0, 5))
            if fate > 0.15
            else req.due_at + timedelta(days=2),
            now - timedelta(hours=1),
        )
        done_at = max(done_at, at + timedelta(hours=3))
        refused = rng.random() < 0.1
        with clock.frozen_at(done_at):
            req = actions.request_complete(
                req=req,
                decision="refused" if refused else "approved",
                note="申请路段为桥梁保护区，不符合设置条件。" if refused else "",
                actor=handler,
            )
        if rng.random() < 0.2:
            continue  # not rated
        level = rng.choices([5, 4, 3, 2, 1], weights=[55, 25, 8, 8, 4])[0]
        with clock.frozen_at(done_at + timedelta(hours=5)):
            review = actions.review_submit(
                code=req.code,
                secret=secret,
                level=level,
                reasons=""
                if level > 2
                else rng.choice(["窗口人员解释不清楚，跑了两趟", "办理时间太长"]),
            )
        if review.bad:
            with clock.frozen_at(min(done_at + timedelta(days=2), now - timedelta(minutes=10))):
                if (now - done_at).days > 3:
                    actions.review_rectify(
                        review=review,
                        actor=handler,
                        answer="已对窗口人员进行培训，并电话向您说明情况，感谢监督。",
                    )
                if n % 3 == 0:
                    actions.review_appeal(
                        review=review,
                        reason="申请人材料不全却要求当场办结，评价有失公允",
                        actor=leader,
                    )
                    actions.review_decide_appeal(review=review, uphold=n % 2 == 0, actor=supervisor)
    return True

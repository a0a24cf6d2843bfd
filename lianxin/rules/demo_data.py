"""Demo regulations: a work-style rule in its second version (the first repealed), a
first-contact responsibility rule, a reception rule with a draft of its next version, and
study confirmations for most cadres."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from lianxin.core import clock
from lianxin.org.models import Person, Unit

from . import actions
from .models import Regulation

ZUOFENG_V1 = """青山县公路管理段干部作风建设若干规定
第一章 总则
第一条 为加强干部作风建设，密切党群干群关系，结合本段实际，制定本规定。
第二条 本规定适用于本段机关各科室和各公路站全体干部职工。
第二章 工作纪律
第三条 干部职工应当按时上下班，不得迟到早退，不得擅离职守。
第四条 对群众来电来访，首位接待人员应当热情接待、认真登记，不得推诿扯皮。
第五条 禁止利用职务便利吃拿卡要。
第三章 监督与追责
第六条 违反本规定的，视情节轻重予以批评教育、诫勉谈话或者依纪依规给予处分。
第七条 本规定自印发之日起施行。
"""

ZUOFENG_V2 = """青山县公路管理段干部作风建设若干规定（修订）
第一章 总则
第一条 为深入贯彻中央八项规定精神，加强干部作风建设，密切党群干群关系，结合本段实际，制定本规定。
第二条 本规定适用于本段机关各科室和各公路站全体干部职工。
第二章 工作纪律
第三条 干部职工应当按时上下班，不得迟到早退，不得擅离职守。
工作时间不得从事与工作无关的活动。
第四条 对群众来电来访，首位接待人员应当热情接待、认真登记，在规定时限内答复，不得推诿扯皮。
第五条 禁止利用职务便利吃拿卡要，不得接受管理服务对象的宴请和礼品礼金。
第六条 治超检测、路政许可等窗口岗位应当公开办事流程和承诺时限，接受群众监督。
第三章 监督与追责
第七条 违反本规定的，视情节轻重予以批评教育、诫勉谈话或者依纪依规给予处分。
典型问题应当通报曝光。
第八条 本规定自印发之日起施行，原规定同时废止。
"""

SHOUWEN = """群众诉求首问负责制度
第一条 群众来电、来信、来访或者通过网络反映诉求的，首位接待的干部职工为首问责任人。
第二条 首问责任人应当当场登记诉求，能够当场答复的当场答复；不能当场答复的，应当告知办理单位和答复时限。
第三条 首问责任人不得以不属于本部门职责为由拒绝登记。
第四条 群众对答复不满意的，可以申请复核。
"""

JIEDAI_V1 = """公务接待管理办法
第一条 公务接待应当坚持有利公务、简化礼仪、务实节俭的原则。
第二条 接待对象应当凭公函接待，无公函的一律不予接待。
第三条 工作餐应当供应家常菜，不得提供香烟和高档酒水。
第四条 接待结束后应当如实填写接待清单，作为报销凭证。
"""

JIEDAI_V2 = """公务接待管理办法（征求意见稿）
第一条 公务接待应当坚持有利公务、简化礼仪、务实节俭、尊重少数民族风俗习惯的原则。
第二条 接待对象应当凭公函接待，无公函的一律不予接待。
第三条 工作餐应当供应家常菜，不得提供香烟和酒水。
第四条 接待结束后应当如实填写接待清单，作为报销凭证。
接待清单应当由接待单位负责人签字确认。
"""


def load_demo_rules(units: dict[str, Unit], *, now: datetime | None = None) -> bool:
    root = units["qingshan"]
    if Regulation.objects.filter(root=root).exists():
        return False
    now = now or clock.now()
    admin = Person.objects.get(user__username="wangfang").user
    office = units["qs-office"]

    def regulation(code, title, texts, days_ago, draft=None):
        r = actions.regulation_create(root=root, code=code, title=title, actor=admin)
        versions = []
        for i, (text, doc) in enumerate(texts):
            with clock.frozen_at(now - timedelta(days=days_ago[i])):
                v = actions.version_draft(
                    regulation=r, text=text, issued_by=office, applies_to=root,
                    document_no=doc, actor=admin,
                )  # fmt: skip
                versions.append(actions.version_enforce(version=v, actor=admin))
        if draft:
            actions.version_draft(
                regulation=r, text=draft, issued_by=office, applies_to=root, actor=admin
            )
        return versions[-1]

    zuofeng = regulation(
        "zuofeng",
        "青山县公路管理段干部作风建设若干规定",
        [(ZUOFENG_V1, "青公段〔2023〕12号"), (ZUOFENG_V2, "青公段〔2026〕31号")],
        [700, 20],
    )
    shouwen = regulation("shouwen", "群众诉求首问负责制度", [(SHOUWEN, "青公段〔2025〕8号")], [300])
    regulation(
        "jiedai", "公务接待管理办法", [(JIEDAI_V1, "青公段〔2024〕5号")], [500], draft=JIEDAI_V2
    )
    rng = random.Random(7)
    people = list(actions.cadres_of(zuofeng))
    for version, share in ((zuofeng, 0.65), (shouwen, 0.9)):
        for person in people:
            if rng.random() < share:
                with clock.frozen_at(now - timedelta(days=rng.randint(0, 15))):
                    actions.version_acknowledge(version=version, actor=person.user)
    return True

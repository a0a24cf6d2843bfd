"""A regulation of the test organisation with version 1 in force (made by the admin)."""

from types import SimpleNamespace

import pytest

from lianxin.rules import actions

V1 = """测试公路段干部作风规定
第一章 总则
第一条 为加强作风建设，制定本规定。
第二条 本规定适用于全体干部职工。
第二章 纪律
第三条 不得迟到早退。
工作时间不得玩手机。
第四条 不得接受宴请。
"""

V2 = """测试公路段干部作风规定
第一章 总则
第一条 为加强作风建设，制定本规定。
第二条 本规定适用于全体干部职工。
第二章 纪律
第三条 不得迟到早退。
工作时间不得玩手机、打游戏。
第四条 不得接受宴请和礼品礼金。
第五条 窗口岗位应当公开承诺时限。
"""


@pytest.fixture
def rc(cast):
    reg = actions.regulation_create(
        root=cast.root, code="zuofeng", title="干部作风规定", actor=cast.admin
    )
    v1 = actions.version_draft(
        regulation=reg, text=V1, issued_by=cast.office, applies_to=cast.root, actor=cast.admin
    )
    v1 = actions.version_enforce(version=v1, actor=cast.admin)
    ns = SimpleNamespace(**vars(cast))
    ns.reg, ns.v1 = reg, v1
    return ns

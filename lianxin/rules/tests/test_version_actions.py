"""Drafting, coming into force (the old version repealed, cadres told), confirming study."""

import datetime

import pytest

from lianxin.core.errors import ApplicationError
from lianxin.core.models import Notice
from lianxin.rules import actions, queries
from lianxin.rules.models import Acknowledgement, Clause, Version
from lianxin.rules.tests.conftest import V2


def draft_v2(rc, **kw):
    args = dict(regulation=rc.reg, text=V2, issued_by=rc.office, applies_to=rc.root, actor=rc.admin)
    args.update(kw)
    return actions.version_draft(**args)


def test_a_new_version_replaces_the_old_and_every_cadre_is_asked(rc):
    v2 = draft_v2(rc)
    assert v2.number == 2 and v2.status == "draft"
    asked = Notice.objects.filter(title__contains="干部作风规定（第 2 版）")
    assert not asked.exists()
    v2 = actions.version_enforce(version=v2, actor=rc.admin)
    rc.v1.refresh_from_db()
    assert (rc.v1.status, v2.status) == ("repealed", "in_force")
    assert asked.filter(recipient=rc.handler).exists()
    assert asked.filter(recipient=rc.outsider).count() == 0
    changes = [(k, line) for k, line in queries.diff(rc.v1, v2) if k != " "]
    assert ("+", "第五条 窗口岗位应当公开承诺时限。") in changes
    assert ("-", "第四条 不得接受宴请。") in changes


def test_study_is_confirmed_by_those_it_applies_to_and_counted_per_unit(rc):
    actions.version_acknowledge(version=rc.v1, actor=rc.handler)
    actions.version_acknowledge(version=rc.v1, actor=rc.handler)  # twice is once
    assert Acknowledgement.objects.count() == 1
    with pytest.raises(ApplicationError, match="不适用于您"):
        actions.version_acknowledge(version=rc.v1, actor=rc.outsider)
    rows = {row.unit.name: row for row in queries.study_by_unit(rc.v1)}
    assert rows["甲站"].done == 1 and rows["甲站"].total == 2
    assert [p.name for p in rows["甲站"].missing] == ["吴站长"]
    assert rows["乙站"].rate == 0


def test_bad_drafts_and_steps_are_refused_and_change_nothing(rc):
    before = Clause.objects.count()
    with pytest.raises(ApplicationError, match="条文编号不连续"):
        draft_v2(rc, text="第一条 甲\n第三条 乙")
    with pytest.raises(ApplicationError, match="本单位"):
        draft_v2(rc, applies_to=rc.other)
    assert Version.objects.count() == 1 and Clause.objects.count() == before
    with pytest.raises(ApplicationError, match="只有草稿"):
        actions.version_enforce(version=rc.v1, actor=rc.admin)
    future = draft_v2(rc, effective_date=datetime.date(2099, 1, 1))
    with pytest.raises(ApplicationError, match="尚未到施行日期"):
        actions.version_enforce(version=future, actor=rc.admin)
    with pytest.raises(ApplicationError, match="已有草稿"):
        draft_v2(rc)
    with pytest.raises(ApplicationError, match="只能确认现行版本"):
        actions.version_acknowledge(version=future, actor=rc.handler)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        actions.version_enforce(version=future, actor=rc.handler)


def test_a_draft_is_changed_and_a_regulation_repealed(rc):
    from django.test import Client

    draft = draft_v2(rc)
    draft = actions.version_update(
        version=draft, text=V2 + "第六条 本规定自印发之日起施行。", document_no="测〔2026〕1号",
        actor=rc.admin,
    )  # fmt: skip
    assert draft.clauses.filter(article=6).exists() and draft.document_no == "测〔2026〕1号"
    with pytest.raises(ApplicationError, match="条文编号不连续"):
        actions.version_update(version=draft, text="第一条 甲\n第三条 乙", actor=rc.admin)
    assert draft.clauses.filter(article=6).exists()
    with pytest.raises(ApplicationError, match="只能修改草稿"):
        actions.version_update(version=rc.v1, text=V2, actor=rc.admin)
    actions.regulation_repeal(regulation=rc.reg, actor=rc.admin)
    rc.v1.refresh_from_db()
    assert rc.v1.status == "repealed"
    assert Client().get("/rules/zuofeng/").status_code == 404
    assert "干部作风规定" not in Client().get("/rules/").content.decode()
    with pytest.raises(ApplicationError, match="已废止"):
        actions.regulation_repeal(regulation=rc.reg, actor=rc.admin)

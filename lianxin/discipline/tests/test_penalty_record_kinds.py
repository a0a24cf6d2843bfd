"""Recording a penalty by kind: 批评教育, 责令检查, 诫勉 and 组织处理 are no party discipline and
apply to non-members too; party discipline only to members; a measure only under its kind;
old records of 批评教育/诫勉 filed as party discipline are moved by the migration."""

import datetime
import importlib

import pytest
from django.apps import apps

from lianxin.core.errors import ApplicationError
from lianxin.discipline import actions
from lianxin.discipline.models import Penalty


def record(dc, **kw):
    args = dict(
        root=dc.root, person=dc.people.handler, kind="handling", measure="admonition",
        category="banquets", decided_on=datetime.date(2026, 11, 2),
        document_no="测纪〔2026〕5号", reason="接受管理服务对象宴请", actor=dc.inspector,
    )  # fmt: skip
    args.update(kw)
    return actions.penalty_record(**args)


def test_admonition_of_a_non_member_is_handling_not_party_discipline(dc, login):
    assert not dc.people.handler.is_party_member
    penalty = record(dc)
    assert penalty.kind == "handling"
    html = login(dc.inspector).get("/workbench/discipline/penalties/").content.decode()
    assert "诫勉" in html and "批评教育、诫勉或组织处理" in html
    # the drop-down groups the measures under their kinds
    assert '<optgroup label="党纪处分">' in html and '<optgroup label="政务处分">' in html


@pytest.mark.parametrize("measure", ["criticism", "admonition", "removal"])
def test_handling_measures_are_not_party_discipline(dc, measure):
    with pytest.raises(ApplicationError, match="与所选处分类别不符"):
        record(dc, kind="party", measure=measure)
    assert not Penalty.objects.exists()


def test_party_discipline_only_for_members(dc):
    with pytest.raises(ApplicationError, match="只适用于党员") as err:
        record(dc, kind="party", measure="party_warning")
    assert "组织处理" in str(err.value)
    dc.people.handler.is_party_member = True
    dc.people.handler.save()
    assert record(dc, kind="party", measure="party_warning").kind == "party"


def test_the_migration_moves_old_admonitions_out_of_party_discipline(dc):
    old = record(dc, measure="criticism", category="formalism")
    member = record(dc, kind="admin", measure="demerit", category="gifts")
    Penalty.objects.filter(pk=old.pk).update(kind="party", category="extravagance")
    migration = importlib.import_module(
        "lianxin.discipline.migrations.0004_penalty_handling_kind_work_style_groups"
    )
    migration.forwards(apps, None)
    old.refresh_from_db()
    member.refresh_from_db()
    assert (old.kind, old.category) == ("handling", "hedonism")
    assert (member.kind, member.category) == ("admin", "gifts")

"""Guides: versioned, published only when complete, with a diff; commitments within the law."""

import pytest
from django.core.exceptions import PermissionDenied

from lianxin.catalog import actions
from lianxin.catalog.models import GuideVersion
from lianxin.catalog.views import guide_diff
from lianxin.core.errors import ApplicationError


def test_a_guide_without_materials_or_limits_cannot_be_published(sv):
    other = actions.service_save(
        root=sv.root, code="sign", name="标志设置许可", unit=sv.station_a, actor=sv.admin
    )
    draft = actions.guide_draft(service=other, actor=sv.admin)
    with pytest.raises(ApplicationError) as err:
        actions.guide_publish(guide=draft, actor=sv.admin)
    assert err.value.field == "materials"
    actions.guide_update(guide=draft, actor=sv.admin, materials=[{"name": "申请书"}])
    with pytest.raises(ApplicationError) as err:
        actions.guide_publish(guide=draft, actor=sv.admin)
    assert "时限" in str(err.value.message)
    actions.guide_update(guide=draft, actor=sv.admin, legal_workdays=5, promised_workdays=8)
    with pytest.raises(ApplicationError):
        actions.guide_publish(guide=draft, actor=sv.admin)
    draft.refresh_from_db()
    assert draft.state == "draft"
    with pytest.raises(PermissionDenied):
        actions.guide_draft(service=other, actor=sv.handler)


def test_versions_the_public_sees_the_current_one_and_a_diff_shows_changes(sv):
    draft = actions.guide_draft(service=sv.service, actor=sv.admin)
    assert draft.number == 2 and draft.materials == sv.service.versions.get(number=1).materials
    actions.guide_update(
        guide=draft,
        actor=sv.admin,
        promised_workdays=3,
        materials=[{"name": "申请书", "original": True}],
    )
    assert actions.current_guide(sv.service).number == 1  # drafts are not public
    actions.guide_publish(guide=draft, actor=sv.admin)
    assert actions.current_guide(sv.service).number == 2
    old = sv.service.versions.get(number=1)
    assert old.state == GuideVersion.State.SUPERSEDED
    changes = [(k, line) for k, line in guide_diff(old, draft) if k in "+-"]
    assert ("-", "施工图纸 2 盖章") in changes
    assert any(k == "+" and line.endswith("3") for k, line in changes)


def test_a_commitment_cannot_promise_more_than_the_legal_limit(sv):
    with pytest.raises(ApplicationError) as err:
        actions.commitment_save(
            root=sv.root,
            service=sv.service,
            target_workdays=12,
            text="12个工作日办结",
            actor=sv.admin,
        )
    assert "法定时限" in str(err.value.message)
    c = actions.commitment_save(
        root=sv.root, service=sv.service, target_workdays=5, text="5个工作日办结", actor=sv.admin
    )
    assert c.pk

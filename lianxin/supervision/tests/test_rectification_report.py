"""rectification_report: progress with evidence, and the report that it is done."""

import pytest
from django.core.exceptions import PermissionDenied

from lianxin.cases.models import Status
from lianxin.core.errors import ApplicationError
from lianxin.core.models import DueItem, Notice
from lianxin.supervision import actions

from .conftest import evidence


def test_progress_then_done_goes_to_the_issuer(cc, planned):
    actions.rectification_report(
        rectification=planned, text="已清扫一半", files=evidence("half.png"), actor=cc.handler
    )
    planned.case.refresh_from_db()
    assert planned.case.status == Status.IN_PROGRESS
    actions.rectification_report(
        rectification=planned, text="全部完成", final=True, actor=cc.handler
    )
    planned.case.refresh_from_db()
    assert planned.case.status == Status.REPLIED
    assert [r.final for r in planned.reports.all()] == [False, True]
    assert DueItem.objects.get(kind="rectification.due", object_id=str(planned.pk)).done_at
    assert Notice.objects.filter(
        recipient=cc.supervisor, title__contains=planned.case.code
    ).exists()


def test_done_without_any_evidence_is_refused(cc, planned):
    with pytest.raises(ApplicationError) as err:
        actions.rectification_report(
            rectification=planned, text="已完成", final=True, actor=cc.handler
        )
    assert err.value.field == "files"
    planned.case.refresh_from_db()
    assert planned.case.status == Status.IN_PROGRESS
    assert not planned.reports.exists()


def test_someone_outside_the_unit_cannot_report(cc, planned):
    for user in (cc.handler_b, cc.outsider):
        with pytest.raises(PermissionDenied):
            actions.rectification_report(rectification=planned, text="已完成", actor=user)
    assert not planned.reports.exists()

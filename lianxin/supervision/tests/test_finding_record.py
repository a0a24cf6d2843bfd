"""finding_record: a finding on the spot becomes a problem case of the unit."""

import pytest
from django.core.exceptions import PermissionDenied

from lianxin.cases.models import Case, Channel, Kind, Status
from lianxin.core.errors import ApplicationError
from lianxin.core.models import Notice
from lianxin.supervision import actions

from .conftest import evidence


def test_a_finding_becomes_a_problem_dispatched_to_the_unit(cc, inspection):
    finding = actions.finding_record(
        inspection=inspection,
        unit=cc.station_a,
        text="养护作业现场未设置警示标志",
        place="S205 K3+100",
        category=cc.road,
        files=evidence("scene.png"),
        actor=cc.supervisor,
    )
    case = finding.case
    assert (case.kind, case.channel, case.status) == (
        Kind.PROBLEM,
        Channel.INSPECTION,
        Status.DISPATCHED,
    )
    assert case.lead_unit == cc.station_a
    assert case.issuer == cc.people.supervisor
    assert case.attachments.count() == 1
    assert Notice.objects.filter(recipient=cc.station_leader, title__contains=case.code).exists()


@pytest.mark.parametrize("what", ["unit", "text", "category"])
def test_bad_findings_are_refused_and_nothing_is_made(cc, inspection, what):
    kw = dict(unit=cc.station_a, text="现场发现问题", category=cc.road)
    kw[what] = {"unit": cc.station_b, "text": "   ", "category": cc.other_cat}[what]
    with pytest.raises(ApplicationError) as err:
        actions.finding_record(inspection=inspection, actor=cc.supervisor, **kw)
    assert err.value.field == what
    assert not inspection.findings.exists()
    assert not Case.objects.filter(kind=Kind.PROBLEM).exists()


def test_only_the_team_records_findings(cc, inspection):
    with pytest.raises(PermissionDenied):
        actions.finding_record(
            inspection=inspection,
            unit=cc.station_a,
            text="现场发现问题",
            category=cc.road,
            actor=cc.station_leader,
        )
    assert not inspection.findings.exists()


def test_no_finding_after_the_inspection_is_finished(cc, inspection):
    actions.inspection_finish(inspection=inspection, summary="总体良好。", actor=cc.supervisor)
    inspection.refresh_from_db()
    with pytest.raises(ApplicationError):
        actions.finding_record(
            inspection=inspection,
            unit=cc.station_a,
            text="现场发现问题",
            category=cc.road,
            actor=cc.supervisor,
        )

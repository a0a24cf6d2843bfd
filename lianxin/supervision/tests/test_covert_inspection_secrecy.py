"""An unannounced inspection (暗访) stays unseen by the staff outside its team and planners
until it is finished (supervision.access): a finding recorded on the organ's own office must
not tell every staff member of the organisation, through the organ's rectification ledger,
that the 暗访 is under way and what it is about."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from lianxin.core import clock
from lianxin.supervision import actions

from .conftest import _module_cc, cc  # noqa: F401


def test_a_finding_on_the_office_does_not_reveal_the_covert_inspection(cc, login):  # noqa: F811
    today = timezone.localdate(clock.now())
    inspection = actions.inspection_plan(
        root=cc.root,
        subject="办公室值班纪律暗访",
        method="covert",
        units=[cc.office, cc.station_a],
        team=[cc.people.supervisor],
        starts_on=today,
        ends_on=today + timedelta(days=3),
        actor=cc.supervisor,
    )
    finding = actions.finding_record(
        inspection=inspection,
        unit=cc.office,
        text="值班室无人值守，电话无人接听",
        category=cc.road,
        actor=cc.supervisor,
    )
    client = login(cc.handler_b)  # 乙站: neither inspected nor in the team
    detail = reverse("workbench:inspection_detail", args=[inspection.pk])
    assert client.get(detail).status_code == 404
    ledger = client.get(reverse("workbench:ledger")).content.decode()
    problem = client.get(
        reverse("workbench:problem_ledger_detail", args=[finding.case.code])
    ).content.decode()
    for html in (ledger, problem):
        assert "办公室值班纪律暗访" not in html
        assert "值班室无人值守" not in html

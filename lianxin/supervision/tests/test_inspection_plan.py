"""inspection_plan: who may plan, what a plan must name."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from lianxin.core import clock
from lianxin.core.errors import ApplicationError
from lianxin.supervision import actions
from lianxin.supervision.models import Inspection


def plan(cc, **kw):
    today = timezone.localdate(clock.now())
    args = dict(
        root=cc.root,
        subject="路政执法作风专项督查",
        method="special",
        units=[cc.station_a, cc.station_b],
        team=[cc.people.supervisor, cc.people.admin],
        starts_on=today,
        ends_on=today + timedelta(days=1),
        actor=cc.supervisor,
    )
    args.update(kw)
    return actions.inspection_plan(**args)


def test_a_supervisor_plans_an_inspection_with_units_and_team(cc):
    inspection = plan(cc)
    assert inspection.method == Inspection.Method.SPECIAL
    assert set(inspection.units.all()) == {cc.station_a, cc.station_b}
    assert set(inspection.team.all()) == {cc.people.supervisor, cc.people.admin}
    assert inspection.planned_by == cc.people.supervisor


@pytest.mark.parametrize(
    "kw, field",
    [
        ({"subject": "  "}, "subject"),
        ({"method": "secret"}, "method"),
        ({"units": []}, "units"),
        ({"team": []}, "team"),
        ({"ends_on": timezone.localdate(clock.now()) - timedelta(days=30)}, "ends_on"),
        ({"starts_on": None}, "starts_on"),
    ],
)
def test_a_plan_lacking_something_is_refused_and_nothing_saved(cc, kw, field):
    with pytest.raises(ApplicationError) as err:
        plan(cc, **kw)
    assert err.value.field == field
    assert not Inspection.objects.exists()


def test_units_and_team_of_another_organisation_are_refused(cc):
    with pytest.raises(ApplicationError):
        plan(cc, units=[cc.other])
    with pytest.raises(ApplicationError):
        plan(cc, team=[cc.people.outsider])
    assert not Inspection.objects.exists()


def test_a_handler_or_an_outsider_may_not_plan(cc):
    for user in (cc.handler, cc.outsider, cc.station_leader):
        with pytest.raises(PermissionDenied):
            plan(cc, actor=user)
    assert not Inspection.objects.exists()

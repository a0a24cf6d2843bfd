"""rectification_plan: the lead unit names leader, person, measures and deadline."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from lianxin.cases.models import Status
from lianxin.core import clock
from lianxin.core.errors import ApplicationError
from lianxin.core.models import DueItem
from lianxin.supervision import actions
from lianxin.supervision.models import Rectification


def plan(cc, case, **kw):
    args = dict(
        case=case,
        leader=cc.people.station_leader,
        person=cc.people.handler,
        measures="规范收尾检查",
        workdays=5,
        actor=cc.station_leader,
    )
    args.update(kw)
    return actions.rectification_plan(**args)


def test_the_plan_accepts_assigns_and_puts_the_deadline_on_the_clock(cc, finding):
    row = plan(cc, finding.case)
    case = row.case
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS
    assert case.handler == cc.people.handler
    item = DueItem.objects.get(kind="rectification.due", object_id=str(row.pk))
    assert item.due_at == row.due_at and item.done_at is None
    # the rectification period replaces the case's own reply clock: one reminder, not two
    assert DueItem.objects.get(kind="case.reply", object_id=str(case.pk)).done_at is not None


def test_a_date_may_be_given_instead_of_working_days(cc, finding):
    on = timezone.localdate(clock.now()) + timedelta(days=20)
    row = plan(cc, finding.case, workdays=None, due_on=on)
    assert timezone.localdate(row.due_at) == on


@pytest.mark.parametrize(
    "kw, field",
    [
        ({"person": None}, "person"),
        ({"leader": None}, "leader"),
        ({"measures": ""}, "measures"),
        ({"workdays": 0}, "workdays"),
        (
            {"workdays": None, "due_on": timezone.localdate(clock.now()) - timedelta(days=3)},
            "due_on",
        ),
    ],
)
def test_bad_plans_are_refused_and_nothing_changes(cc, finding, kw, field):
    with pytest.raises(ApplicationError) as err:
        plan(cc, finding.case, **kw)
    assert err.value.field == field
    finding.case.refresh_from_db()
    assert finding.case.status == Status.DISPATCHED
    assert not Rectification.objects.exists()


def test_the_person_must_belong_to_the_unit_and_the_leader_lead_it(cc, finding):
    with pytest.raises(ApplicationError):
        plan(cc, finding.case, person=cc.people.handler_b)
    with pytest.raises(ApplicationError):
        plan(cc, finding.case, leader=cc.people.handler)
    assert not Rectification.objects.exists()


def test_only_a_leader_of_the_unit_plans(cc, finding):
    for user in (cc.handler, cc.supervisor, cc.outsider):
        with pytest.raises(PermissionDenied):
            plan(cc, finding.case, actor=user)
    assert not Rectification.objects.exists()

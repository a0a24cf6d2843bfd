"""Monthly plans: drafted by the station's secretary, agreed by both sides, items done."""

from datetime import date, datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from lianxin.core import clock
from lianxin.core.errors import ApplicationError
from lianxin.partywork import actions
from lianxin.partywork.models import MonthlyPlan

NOV = timezone.make_aware(datetime(2026, 11, 20, 10, 0))


def test_a_plan_counts_as_agreed_only_when_both_sides_agree(pw):
    with clock.frozen_at(NOV):
        plan = actions.plan_create(unit=pw.station_a, month=date(2026, 12, 1), actor=pw.sec_a)
        with pytest.raises(ApplicationError):  # nothing to agree to yet
            actions.plan_agree(plan=plan, actor=pw.sec_a)
        actions.plan_item_add(
            plan=plan, what="主题党日", who="全体党员", when=date(2026, 12, 8), actor=pw.sec_a
        )
        with pytest.raises(ApplicationError):  # the office cannot agree before the station
            actions.plan_agree(plan=plan, actor=pw.officer)
        actions.plan_agree(plan=plan, actor=pw.sec_a)
        assert not plan.agreed
        actions.plan_comment(plan=plan, comment="请增加警示教育", actor=pw.officer)
        actions.plan_item_add(
            plan=plan, what="警示教育", who="支委", when=date(2026, 12, 15), actor=pw.sec_a
        )
        plan.refresh_from_db()
        assert plan.station_agreed_at is None  # a changed plan is agreed again
        actions.plan_agree(plan=plan, actor=pw.sec_a)
        actions.plan_agree(plan=plan, actor=pw.officer)
        plan.refresh_from_db()
        assert plan.agreed and "请增加警示教育" in plan.comment
    item = plan.items.first()
    with clock.frozen_at(timezone.make_aware(datetime(2026, 12, 8, 17, 0))):
        actions.plan_item_done(item=item, actor=pw.sec_a)
    item.refresh_from_db()
    assert item.done_at is not None


def test_a_second_plan_for_the_same_month_is_refused(pw):
    with clock.frozen_at(NOV):
        actions.plan_create(unit=pw.station_a, month=date(2026, 12, 1), actor=pw.sec_a)
        with pytest.raises(ApplicationError) as err:
            actions.plan_create(unit=pw.station_a, month=date(2026, 12, 1), actor=pw.sec_a)
    assert "已有" in str(err.value.message) and MonthlyPlan.objects.count() == 1


def test_plans_are_for_this_month_or_the_next_by_the_stations_own_secretary(pw):
    with clock.frozen_at(NOV):
        with pytest.raises(ApplicationError):
            actions.plan_create(unit=pw.station_a, month=date(2026, 10, 1), actor=pw.sec_a)
        with pytest.raises(ApplicationError):
            actions.plan_create(unit=pw.station_a, month=date(2027, 2, 1), actor=pw.sec_a)
        with pytest.raises(ApplicationError) as err:
            actions.plan_create(unit=pw.station_a, month=date(2026, 12, 1), actor=pw.sec_b)
        assert "党组织书记" in str(err.value.message)
        plan = actions.plan_create(unit=pw.station_a, month=date(2026, 12, 1), actor=pw.sec_a)
        with pytest.raises(PermissionDenied):
            actions.plan_comment(plan=plan, comment="越权", actor=pw.handler)
        with pytest.raises(ApplicationError):  # an item outside the month
            actions.plan_item_add(
                plan=plan, what="x", who="y", when=date(2027, 1, 3), actor=pw.sec_a
            )
    assert not plan.items.exists()

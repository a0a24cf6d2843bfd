"""`clock.plan`: a planner's due items go on the clock once, however often (and by however
many clocks) it runs, and an item already reminded or done is left as it is."""

from datetime import timedelta

import pytest

from lianxin.core import clock
from lianxin.core.models import DueItem

pytestmark = pytest.mark.django_db


def test_planning_again_adds_nothing_and_keeps_what_happened():
    due = clock.now() + timedelta(days=1)
    clock.plan("test.plan", [("1:2026-11", due, None), ("2:2026-11", due, due)])
    DueItem.objects.filter(object_id="1:2026-11").update(reminded_at=clock.now())
    clock.finish("test.plan", "2:2026-11")
    later = due + timedelta(days=5)
    clock.plan(
        "test.plan", [("1:2026-11", later, None), ("2:2026-11", later, None), ("3", due, None)]
    )
    items = {i.object_id: i for i in DueItem.objects.filter(kind="test.plan")}
    assert set(items) == {"1:2026-11", "2:2026-11", "3"}
    assert items["1:2026-11"].due_at == due and items["1:2026-11"].reminded_at is not None
    assert items["2:2026-11"].done_at is not None and items["2:2026-11"].escalate_at == due


def test_nothing_to_plan_is_fine():
    clock.plan("test.plan", [])
    assert not DueItem.objects.filter(kind="test.plan").exists()

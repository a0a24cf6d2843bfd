"""A month is frozen on its 5th working day after its end (at the end of that day, after the
monthly party-work report's deadline of the same day): a due item on the one clock."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from lianxin.core import clock
from lianxin.core.models import DueItem
from lianxin.core.months import first_of, last_day, parse, previous_month
from lianxin.core.workdays import add_workdays, end_of_day
from lianxin.org.models import Unit

from .models import Snapshot

KIND = "stats.freeze"
FREEZE_AFTER_WORKDAYS = 5


def freeze_at(month: date) -> datetime:
    """The end of the 5th working day after the month's last day."""
    return end_of_day(add_workdays(last_day(month), FREEZE_AFTER_WORKDAYS))


def plan_freezes(at: datetime) -> None:
    """Put last month's freeze of every organisation on the clock (idempotent)."""
    month = previous_month(first_of(timezone.localdate(at)))
    key = f":{month:%Y-%m}"
    due = freeze_at(month)
    roots = Unit.objects.filter(parent__isnull=True, is_active=True).values_list("pk", flat=True)
    DueItem.objects.bulk_create(
        [DueItem(kind=KIND, object_id=f"{pk}{key}", due_at=due) for pk in roots],
        ignore_conflicts=True,
    )


def freeze(item) -> None:
    from .actions import scorecard_freeze

    root_id, month = item.object_id.split(":")
    root = Unit.objects.filter(pk=int(root_id)).first()
    month = parse(month)
    if root is not None and not Snapshot.objects.filter(root=root, month=month).exists():
        scorecard_freeze(root=root, month=month)
    clock.finish(KIND, item.object_id)


def register() -> None:
    clock.register(KIND, on_due=freeze)
    clock.register_planner(plan_freezes)

"""A month is frozen on its 5th working day after its end (at the end of that day, after the
monthly party-work report's deadline of the same day): a due item on the one clock.

The planner puts last month's `stats.freeze` item of every organisation on the clock and, in
the same sweep, freezes the items that have fallen due: it claims them with SELECT ... FOR
UPDATE SKIP LOCKED (several clocks may run) and marks them done with the snapshot, so each
month is frozen once and the sweep's reminder counts stay those of the deadlines people see.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.core.models import DueItem
from lianxin.core.months import first_of, last_day, parse, previous_month
from lianxin.core.workdays import add_workdays, end_of_day
from lianxin.org.models import Unit

from .models import Snapshot

KIND = "stats.freeze"
FREEZE_AFTER_WORKDAYS = 5
logger = logging.getLogger(__name__)


def freeze_at(month: date) -> datetime:
    """The end of the 5th working day after the month's last day."""
    return end_of_day(add_workdays(last_day(month), FREEZE_AFTER_WORKDAYS))


def plan_freezes(at: datetime) -> None:
    """Put last month's freeze of every organisation on the clock (idempotent), then freeze
    what has fallen due."""
    month = previous_month(first_of(timezone.localdate(at)))
    key = f":{month:%Y-%m}"
    due = freeze_at(month)
    roots = Unit.objects.filter(parent__isnull=True, is_active=True).values_list("pk", flat=True)
    clock.plan(KIND, [(f"{pk}{key}", due, None) for pk in roots])
    with transaction.atomic():
        items = list(
            DueItem.objects.select_for_update(skip_locked=True).filter(
                kind=KIND, done_at=None, due_at__lte=at
            )
        )
        for item in items:
            try:
                with transaction.atomic(), clock.frozen_at(at):  # the sweep's time
                    freeze(item)
            except Exception:  # one organisation's failure must not stop the clock
                logger.exception("freezing %s failed", item.object_id)
                continue
            item.reminded_at = item.done_at = at
            item.save(update_fields=["reminded_at", "done_at"])


def freeze(item) -> None:
    from .actions import scorecard_freeze

    root_id, month_text = item.object_id.split(":")
    month = parse(month_text)
    root = Unit.objects.filter(pk=int(root_id)).first()
    if (
        root is not None
        and month is not None
        and not Snapshot.objects.filter(root=root, month=month).exists()
    ):
        scorecard_freeze(root=root, month=month, actor=Actor.system("clock"))


def register() -> None:
    clock.register(KIND, on_due=freeze)  # should a due item reach the sweep itself
    clock.register_planner(plan_freezes)

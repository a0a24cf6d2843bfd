"""Nightly training on the one clock: the planner puts one due item per organisation for the
coming night ("routing.train", "<root id>:<date>", due at 02:00 Beijing time the next day);
whichever clock claims it trains, so several clocks never train twice. (Planning the next
night, never the current one, keeps a sweep at any hour from finding a training due at
once.)"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from lianxin.core import clock
from lianxin.core.models import DueItem
from lianxin.org.models import Unit

KIND = "routing.train"
AT = time(2, 0)


def plan(at: datetime) -> None:
    day = timezone.localdate(at) + timedelta(days=1)
    due = timezone.make_aware(datetime.combine(day, AT))
    for root_id in Unit.objects.filter(parent__isnull=True, is_active=True).values_list(
        "pk", flat=True
    ):
        try:
            with transaction.atomic():
                DueItem.objects.get_or_create(
                    kind=KIND, object_id=f"{root_id}:{day.isoformat()}", defaults={"due_at": due}
                )
        except IntegrityError:  # another clock planned the same night a moment earlier
            pass


def train_due(item: DueItem) -> None:
    from .training import train

    root_id = int(item.object_id.split(":")[0])
    root = Unit.objects.filter(pk=root_id).first()
    if root is not None:
        train(root)
    clock.finish(KIND, item.object_id)


def register() -> None:
    clock.register(KIND, on_due=train_due)
    clock.register_planner(plan)

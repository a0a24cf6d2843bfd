"""Nightly training on the one clock: the planner puts one due item per organisation for the
coming night ("routing.train", "<root id>:<date>", due at 02:00 Beijing time the next day);
whichever clock claims it trains, so several clocks never train twice. (Planning the next
night, never the current one, keeps a sweep at any hour from finding a training due at
once.)"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from lianxin.core import clock
from lianxin.core.models import DueItem
from lianxin.org.models import Unit

KIND = "routing.train"
AT = time(2, 0)


def plan(at: datetime) -> None:
    day = timezone.localdate(at) + timedelta(days=1)
    due = timezone.make_aware(datetime.combine(day, AT))
    roots = Unit.objects.filter(parent__isnull=True, is_active=True).values_list("pk", flat=True)
    clock.plan(KIND, [(f"{root_id}:{day.isoformat()}", due, None) for root_id in roots])


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

"""Demo scorecards: the last three ended months frozen (a trend to see), and the organ
leader's comment on the weaker station's last month."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.core.months import first_of, previous_month
from lianxin.org.models import Person, Unit

from . import actions
from .models import MonthComment, Snapshot

FROZEN_MONTHS = 3


def load_demo_stats(units: dict[str, Unit], *, now: datetime | None = None) -> bool:
    root = units["qingshan"]
    if Snapshot.objects.filter(root=root).exists():
        return False
    now = now or clock.now()
    month = first_of(timezone.localdate(now))
    months = []
    for _ in range(FROZEN_MONTHS):
        month = previous_month(month)
        months.append(month)
    with clock.frozen_at(now):
        for month in reversed(months):
            actions.scorecard_freeze(root=root, month=month, actor=Actor.system("demo"))
    weaker = units.get("qs-shiqiao")
    leader = Person.objects.filter(user__username="zhangjianguo").first()
    if weaker is not None and leader is not None and not MonthComment.objects.exists():
        with clock.frozen_at(now):
            actions.month_comment(
                unit=weaker,
                month=months[0],
                text="石桥公路站本月迟签收、超时答复较多，不满意评价明显上升，月报未按时报送。"
                "请站长牵头查找原因，下月5日前报送整改措施。",
                actor=leader.user,
            )
    return True

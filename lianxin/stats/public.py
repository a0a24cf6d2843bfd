"""What the public sees of the scorecards: frozen months only (figures that no longer move),
volume by category and the rates of each unit; no names of people, no case."""

from __future__ import annotations

from datetime import date

from lianxin.org.models import Unit

from .models import Snapshot

FIELDS = [
    ("month", "YYYY-MM"),
    ("unit", "单位名称 / name of the unit"),
    ("received", "当月派至该单位的件数 / cases dispatched to the unit in the month"),
    ("response_rate", "签收率 0..1，无件为空 / accepted in time / dispatched, empty if none"),
    ("on_time_rate", "按时办结率 0..1 / replied within the limit / replied"),
    ("resolution_rate", "解决率 0..1 / rated solved / rated"),
    ("satisfaction_rate", "满意率 0..1 / rated 5 or 4 / rated (appeals upheld left out)"),
    ("rated", "已评价件数 / ratings counted"),
]


def frozen_months(root: Unit) -> list[date]:
    return list(
        Snapshot.objects.filter(root=root, is_current=True)
        .order_by("-month")
        .values_list("month", flat=True)
    )


def month_figures(root: Unit, month: date) -> dict | None:
    """{"month", "frozen_at", "categories", "units"} of a frozen month, or None."""
    snapshot = Snapshot.objects.filter(root=root, month=month, is_current=True).first()
    if snapshot is None:
        return None
    data = snapshot.data
    units = [
        {
            "month": month.strftime("%Y-%m"),
            "unit": r["unit"]["name"],
            "received": r["received"],
            "response_rate": r["response"]["rate"],
            "on_time_rate": r["on_time"]["rate"],
            "resolution_rate": r["resolution"]["rate"],
            "satisfaction_rate": r["satisfaction"]["rate"],
            "rated": r["satisfaction"]["den"],
        }
        for r in data["units"]
        if r["received"] or r["satisfaction"]["den"]
    ]
    return {
        "month": month.strftime("%Y-%m"),
        "frozen_at": snapshot.computed_at.isoformat(),
        "categories": data.get("categories", []),
        "units": units,
    }

"""Party work on the scorecards: the station's monthly plan agreed (M6) and its monthly
report submitted on time (M7)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lianxin.org.models import Unit
from lianxin.stats.registry import Component, register

from .models import MonthlyPlan, MonthlyReport


def _stations(root) -> list[int]:
    return list(
        Unit.objects.filter(
            path__startswith=root.path, kind=Unit.Kind.STATION, is_active=True
        ).values_list("pk", flat=True)
    )


def plans_agreed(root, month: date) -> dict:
    agreed = set(
        MonthlyPlan.objects.filter(
            unit__path__startswith=root.path,
            month=month,
            station_agreed_at__isnull=False,
            office_agreed_at__isnull=False,
        ).values_list("unit_id", flat=True)
    )
    return {"units": {uid: (int(uid in agreed), 1) for uid in _stations(root)}}


def reports_on_time(root, month: date) -> dict:
    on_time = set(
        MonthlyReport.objects.filter(
            unit__path__startswith=root.path,
            month=month,
            submitted_at__isnull=False,
            late=False,
        ).values_list("unit_id", flat=True)
    )
    return {"units": {uid: (int(uid in on_time), 1) for uid in _stations(root)}}


def register_components() -> None:
    register(
        Component(
            key="partywork.plan",
            label=_("Monthly plan agreed"),
            compute=plans_agreed,
            link=lambda unit_id, month: reverse(
                "workbench:plan_detail", args=[unit_id, f"{month:%Y-%m}"]
            ),
            order=30,
        )
    )
    register(
        Component(
            key="partywork.report",
            label=_("Monthly report on time"),
            compute=reports_on_time,
            link=lambda unit_id, month: reverse(
                "workbench:report_detail", args=[unit_id, f"{month:%Y-%m}"]
            ),
            order=31,
        )
    )

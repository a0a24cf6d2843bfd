"""Inspection on the scorecards (M2, 抓督查): the problems that inspections found in a unit
during the month, each figure linked to that unit's rectification ledger."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lianxin.core.months import next_month
from lianxin.stats.registry import Component, register

from .models import Finding


def _start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def findings(root, month: date) -> dict:
    """Findings recorded in the month (their found_at, written when found), by the unit
    responsible and by the person who recorded them; a plain count."""
    rows = Finding.objects.filter(
        inspection__root=root,
        found_at__gte=_start(month),
        found_at__lt=_start(next_month(month)),
    )
    units = {r["unit_id"]: (r["n"], None) for r in rows.values("unit_id").annotate(n=Count("id"))}
    return {"units": units}


def _ledger(unit_id: int, month: date) -> str:
    return f"{reverse('workbench:ledger')}?unit={unit_id}"


def register_components() -> None:
    register(
        Component(
            key="supervision.findings",
            label=_("Problems found by inspection"),
            compute=findings,
            link=_ledger,
            order=60,
            higher_is_better=False,
        )
    )

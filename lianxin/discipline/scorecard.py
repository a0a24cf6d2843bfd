"""Discipline on the scorecards: penalties decided in the month (M20), a plain count."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lianxin.core.months import next_month
from lianxin.stats.registry import Component, register

from .queries import penalty_counts


def penalties(root, month: date) -> dict:
    counts = penalty_counts(root, month, next_month(month))
    return {
        "units": {k: (n, None) for k, n in counts["units"].items()},
        "people": {k: (n, None) for k, n in counts["people"].items()},
    }


def register_components() -> None:
    register(
        Component(
            key="discipline.penalties",
            label=_("Penalties and handling"),
            compute=penalties,
            link=lambda unit_id, month: reverse("workbench:penalties"),
            order=50,
            higher_is_better=False,
        )
    )

"""Rules on the scorecards: cadres' confirmations of having studied the regulations in force
at the month's end (M18), per unit and per cadre."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lianxin.core.months import time_range
from lianxin.org.models import Person
from lianxin.stats.registry import Component, register

from .models import Acknowledgement, Version


def study(root, month: date) -> dict:
    _, end = time_range(month)
    versions = list(
        Version.objects.filter(regulation__root=root, enforced_at__lt=end)
        .filter(Q(repealed_at__isnull=True) | Q(repealed_at__gte=end))
        .select_related("applies_to")
    )
    acks = set(
        Acknowledgement.objects.filter(version__in=versions, created_at__lt=end).values_list(
            "version_id", "person_id"
        )
    )
    people = list(
        Person.objects.filter(
            unit__path__startswith=root.path, user__is_active=True, created_at__lt=end
        ).values_list("pk", "unit_id", "unit__path")
    )
    units: dict = defaultdict(lambda: [0, 0])
    persons: dict = defaultdict(lambda: [0, 0])
    for version in versions:
        for person_id, unit_id, path in people:
            if not path.startswith(version.applies_to.path):
                continue
            done = (version.pk, person_id) in acks
            for bucket in (units[unit_id], persons[person_id]):
                bucket[0] += done
                bucket[1] += 1
    return {
        "units": {k: tuple(v) for k, v in units.items()},
        "people": {k: tuple(v) for k, v in persons.items()},
    }


def register_components() -> None:
    register(
        Component(
            key="rules.study",
            label=_("Study confirmations"),
            compute=study,
            link=lambda unit_id, month: reverse("workbench:regulations"),
            order=40,
        )
    )

"""Contact work on the scorecards: visits done against those asked at contact points (M8,
M10) and diary entries checked by a leader (M11), per unit of the cadre and per cadre."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lianxin.core.months import last_day
from lianxin.stats.registry import Component, register

from .models import ContactPoint, Visit


def visits(root, month: date) -> dict:
    """Per contact point, visits done (at most those asked) / visits asked (two queries)."""
    points = list(
        ContactPoint.objects.filter(
            is_active=True, person__is_active=True, person__unit__path__startswith=root.path
        ).values_list("person_id", "person__unit_id", "place_id", "visits_per_month")
    )
    done = {
        (r["person"], r["place"]): r["n"]
        for r in Visit.objects.filter(
            person__unit__path__startswith=root.path, day__gte=month, day__lte=last_day(month)
        )
        .values("person", "place")
        .annotate(n=Count("id"))
    }
    units: dict = defaultdict(lambda: [0, 0])
    people: dict = defaultdict(lambda: [0, 0])
    for person_id, unit_id, place_id, asked in points:
        n = min(done.get((person_id, place_id), 0), asked)
        for bucket in (units[unit_id], people[person_id]):
            bucket[0] += n
            bucket[1] += asked
    return {
        "units": {k: tuple(v) for k, v in units.items()},
        "people": {k: tuple(v) for k, v in people.items()},
    }


def diaries(root, month: date) -> dict:
    """Diary entries of the month checked by a leader / written (one query)."""
    units: Counter = Counter()
    units_checked: Counter = Counter()
    people: Counter = Counter()
    people_checked: Counter = Counter()
    for person_id, unit_id, reviewed in Visit.objects.filter(
        person__unit__path__startswith=root.path, day__gte=month, day__lte=last_day(month)
    ).values_list("person_id", "person__unit_id", "reviewed_at"):
        units[unit_id] += 1
        people[person_id] += 1
        if reviewed:
            units_checked[unit_id] += 1
            people_checked[person_id] += 1
    return {
        "units": {k: (units_checked[k], n) for k, n in units.items()},
        "people": {k: (people_checked[k], n) for k, n in people.items()},
    }


def register_components() -> None:
    register(
        Component(
            key="liaison.visits",
            label=_("Visits done / asked"),
            compute=visits,
            link=lambda unit_id, month: f"{reverse('workbench:cadence')}?month={month:%Y-%m}",
            order=10,
        )
    )
    register(
        Component(
            key="liaison.diaries",
            label=_("Diary entries checked"),
            compute=diaries,
            link=lambda unit_id, month: f"{reverse('workbench:diaries')}?month={month:%Y-%m}",
            order=11,
        )
    )

"""Reading discipline records: the public statistics by month and category."""

from __future__ import annotations

from collections import Counter

from django.db.models import QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from lianxin.core import clock
from lianxin.org.models import Person, Unit

from . import access
from .models import (
    WORK_STYLE_GROUPS,
    Evidence,
    Penalty,
    PublicNotice,
    Report,
    ReportEvent,
    ReportMessage,
    WorkStyle,
)


def monthly_stats(root, months: int = 6) -> tuple[list, list[dict]]:
    """(month starts, rows): per category, penalties decided in each of the last months; a
    heading (level 0, the sum of its leaves) comes before its leaves (level 1)."""
    today = timezone.localdate(clock.now())
    starts = []
    y, m = today.year, today.month
    for _i in range(months):
        starts.append(today.replace(year=y, month=m, day=1))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    starts.reverse()
    counts = Counter(
        (row["category"], row["month"])
        for row in Penalty.objects.filter(root=root, decided_on__gte=starts[0])
        .annotate(month=TruncMonth("decided_on"))
        .values("category", "month")
    )

    def row(label, values, level):
        cells = [sum(counts.get((v, s), 0) for v in values) for s in starts]
        return {"label": label, "cells": cells, "total": sum(cells), "level": level}

    rows = []
    for title, leaves in WORK_STYLE_GROUPS:
        rows.append(row(title, leaves, 0))
        rows.extend(row(leaf.label, [leaf], 1) for leaf in leaves)
    rows.append(row(WorkStyle.OTHER.label, [WorkStyle.OTHER], 0))
    return starts, rows


def public_notices(root):
    return PublicNotice.objects.filter(root=root).select_related("clause__version__regulation")


def penalty_counts(root, start, end) -> dict:
    """What scorecards count: penalties decided in [start, end) per unit and per person,
    {"units": {unit_id: n}, "people": {person_id: n}} (the unit at the time of the penalty)."""
    units: Counter = Counter()
    people: Counter = Counter()
    for unit_id, person_id in Penalty.objects.filter(
        root=root, decided_on__gte=start, decided_on__lt=end
    ).values_list("unit_id", "person_id"):
        units[unit_id] += 1
        people[person_id] += 1
    return {"units": dict(units), "people": dict(people)}


def penalties_of_year(person, year: int):
    """Penalties decided against the person in the year, for his cadre record (one query)."""
    return Penalty.objects.filter(person=person, decided_on__year=year).order_by("decided_on")


def report_list(user, root: Unit) -> QuerySet[Report]:
    """The reports the user may handle, with the unit and person reported."""
    return access.visible_reports(user, root).select_related("accused_unit", "accused_person")


def report_events(report: Report) -> QuerySet[ReportEvent]:
    return report.events.select_related("actor__person__unit")


def report_messages(report: Report) -> QuerySet[ReportMessage]:
    return report.messages.select_related("author").prefetch_related("files")


def loose_evidence(report: Report) -> QuerySet[Evidence]:
    """Evidence filed with the report itself, not with one of its messages."""
    return report.evidence.filter(message__isnull=True)


def evidence_file(report: Report, pk: int) -> Evidence | None:
    return report.evidence.filter(pk=pk).first()


def report_penalties(report: Report) -> QuerySet[Penalty]:
    return report.penalties.select_related("person")


def people_of(root: Unit) -> QuerySet[Person]:
    """Everyone of the organisation, with his unit (a penalty's choices)."""
    return Person.objects.filter(unit__path__startswith=root.path).select_related("unit")


def penalty_list(user, root: Unit) -> QuerySet[Penalty]:
    return access.visible_penalties(user, root).select_related("person", "unit")


def unpublished_penalties(user, root: Unit) -> QuerySet[Penalty]:
    """The penalties the user sees that no public notice announces yet."""
    published = PublicNotice.objects.filter(root=root).values_list("penalty_id", flat=True)
    return (
        access.visible_penalties(user, root)
        .exclude(pk__in=list(published))
        .select_related("person")
    )


def unpublished_penalty(user, root: Unit, pk: int) -> Penalty | None:
    """One of `unpublished_penalties` by its id, with its person and unit."""
    return unpublished_penalties(user, root).filter(pk=pk).select_related("unit").first()


def notices_of(root: Unit) -> QuerySet[PublicNotice]:
    """The organisation's public notices of penalties (the workbench list)."""
    return PublicNotice.objects.filter(root=root)

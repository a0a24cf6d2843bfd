"""Reads of the routing setup page: an organisation's keyword rules, road sections (with
their stake labels) and trained model; one rule or section of the organisation, or None."""

from __future__ import annotations

from django.db.models import QuerySet

from lianxin.org.models import Unit

from .models import KeywordRule, RoadSection, TrainedModel
from .places import stake_label


def rules(root: Unit) -> QuerySet[KeywordRule]:
    return KeywordRule.objects.filter(root=root).select_related("unit", "category")


def sections(root: Unit) -> list[RoadSection]:
    rows = list(RoadSection.objects.filter(root=root).select_related("station"))
    for s in rows:
        s.start_label, s.end_label = stake_label(s.start_m), stake_label(s.end_m)  # type: ignore[attr-defined]
    return rows


def trained(root: Unit) -> TrainedModel | None:
    return TrainedModel.objects.filter(root=root).first()


def rule_of(root: Unit, pk: int) -> KeywordRule | None:
    return KeywordRule.objects.filter(pk=pk, root=root).first()


def section_of(root: Unit, pk: int) -> RoadSection | None:
    return RoadSection.objects.filter(pk=pk, root=root).first()

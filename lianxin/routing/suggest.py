"""Suggestions: the three likeliest lead units and categories for a text, with a confidence.

Three sources add up: the organisation's trained text model (its probabilities), the
administrators' keyword rules (cold start; a higher priority weighs more) and the register
of road sections (a stake within a section decides: it outweighs the rest). Confidences are
the shares of the summed scores.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from lianxin.cases.models import Category
from lianxin.core.kept import Kept
from lianxin.org.models import Unit

from . import features, places, training
from .models import KeywordRule, RoadSection

PLACE_WEIGHT = 2.0
RULE_WEIGHT = 0.15  # times the priority (1..10)
# root id -> the organisation's keyword rules and road sections (core.kept, 30 s)
_setup: Kept[tuple[list[KeywordRule], list[RoadSection]]] = Kept()


def forget(root_id: int | None = None) -> None:
    """Drop the kept rules and sections (called by the setup actions)."""
    _setup.forget(root_id)


def _rules_and_sections(root_id: int) -> tuple[list[KeywordRule], list[RoadSection]]:
    return _setup.get(
        root_id,
        lambda: (
            list(KeywordRule.objects.filter(root_id=root_id)),
            list(RoadSection.objects.filter(root_id=root_id)),
        ),
    )


@dataclass
class Option:
    pk: int
    name: str
    confidence: float
    reasons: list[str] = field(default_factory=list)


@dataclass
class Suggestions:
    units: list[Option]
    categories: list[Option]

    @property
    def top_unit(self) -> int | None:
        return self.units[0].pk if self.units else None


def _ranked(scores: dict[int, float], reasons: dict[int, list[str]], k: int):
    total = sum(v for v in scores.values() if v > 0) or 1.0
    best = sorted((pk for pk in scores if scores[pk] > 0), key=lambda pk: -scores[pk])[:k]
    return [(pk, scores[pk] / total, reasons.get(pk, [])) for pk in best]


def scores(root_id: int, text: str, *, k: int = 3):
    """(units, categories): lists of (id, confidence, reasons), best first. No names: the
    fast path for the benchmark and for recording a dispatcher's choice."""
    rules, sections = _rules_and_sections(root_id)
    unit_s: dict[int, float] = defaultdict(float)
    cat_s: dict[int, float] = defaultdict(float)
    unit_r: dict[int, list[str]] = defaultdict(list)
    cat_r: dict[int, list[str]] = defaultdict(list)
    bundle = training.current(root_id)
    if bundle:
        counted = features.count_one(text)
        if bundle.get("unit") is not None:
            for pk, p in bundle["unit"].top(text, k=5, counted=counted):
                unit_s[pk] += p
        if bundle.get("category") is not None:
            for pk, p in bundle["category"].top(text, k=5, counted=counted):
                cat_s[pk] += p
    for rule in rules:
        if rule.keyword and rule.keyword in text:
            weight = RULE_WEIGHT * max(1, rule.priority)
            if rule.unit_id:
                unit_s[rule.unit_id] += weight
                unit_r[rule.unit_id].append(rule.keyword)
            if rule.category_id:
                cat_s[rule.category_id] += weight
                cat_r[rule.category_id].append(rule.keyword)
    for m in places.match(root_id, text, sections=sections):
        unit_s[m.station_id] += PLACE_WEIGHT * m.weight
        unit_r[m.station_id].append(m.reason)
    return _ranked(unit_s, unit_r, k), _ranked(cat_s, cat_r, k)


def suggest(root: Unit, text: str, *, k: int = 3) -> Suggestions:
    """Named suggestions for pages (two queries for the names)."""
    units, cats = scores(root.pk, text, k=k)
    unit_names = dict(
        Unit.objects.filter(pk__in=[u[0] for u in units], is_active=True).values_list("pk", "name")
    )
    cat_names = dict(
        Category.objects.filter(pk__in=[c[0] for c in cats], root=root, is_active=True).values_list(
            "pk", "name"
        )
    )
    return Suggestions(
        units=[Option(pk, unit_names[pk], c, r) for pk, c, r in units if pk in unit_names],
        categories=[Option(pk, cat_names[pk], c, r) for pk, c, r in cats if pk in cat_names],
    )

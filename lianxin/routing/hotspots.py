"""Hotspots (每月一题): categories x places x months with the most cases and the fastest
growth, repeated callers, and a suggested problem of the month with its cases."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone

from lianxin.cases.models import Case, Kind, Status
from lianxin.core.text import cut_address, mask_phone

from . import places
from .models import MonthProblem, RoadSection

MIN_CASES = 2


def month_start(d: date) -> date:
    return d.replace(day=1)


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, 1)


def _aware(d: date) -> datetime:
    return timezone.make_aware(datetime.combine(d, datetime.min.time()))


def place_key(text: str, place: str, sections: list[RoadSection]) -> str:
    """The place a case is grouped by: route and kilometre, or the most specific place name
    of the register, else the address cut down to its village or community."""
    return places.key(text + " " + place, sections) or cut_address(place) or place[:20]


@dataclass
class Hotspot:
    category_id: int
    category: str
    place: str
    count: int
    before: float  # mean of the two months before
    case_ids: list[int] = field(default_factory=list)
    problem_code: str = ""

    @property
    def growth(self) -> float:
        return self.count - self.before

    @property
    def score(self) -> float:
        return self.count + max(0.0, self.growth)


@dataclass
class Month:
    month: date
    top: list[Hotspot]
    growing: list[Hotspot]
    callers: list[tuple[str, int, list[str]]]
    suggested: Hotspot | None
    cases: list[Case] = field(default_factory=list)


def hotspots(root, month: date, *, limit: int = 10) -> Month:
    month = month_start(month)
    start, end = add_months(month, -2), add_months(month, 1)
    sections = list(RoadSection.objects.filter(root=root))
    rows = (
        Case.objects.filter(root=root, received_at__gte=_aware(start), received_at__lt=_aware(end))
        .exclude(kind=Kind.PROBLEM)
        # a complaint transferred to the discipline office is no hotspot of the road, and the
        # leaders reading this page lose sight of it (cases.access.TRANSFERRED_SEEN)
        .exclude(status__in=[Status.WITHDRAWN, Status.TRANSFERRED])
        .values_list(
            "pk",
            "category_id",
            "category__name",
            "title",
            "content",
            "place",
            "citizen_phone",
            "received_at",
            "code",
        )
    )
    groups: dict[tuple[int, str], dict] = {}
    callers: dict[str, list[str]] = defaultdict(list)
    for pk, cat_id, cat_name, title, content, place, phone, at, code in rows:
        m = month_start(timezone.localdate(at))
        key = (cat_id, place_key(title + " " + content, place, sections))
        g = groups.setdefault(key, {"name": cat_name, "months": Counter(), "ids": []})
        g["months"][m] += 1
        if m == month:
            g["ids"].append(pk)
            if phone:
                callers[phone].append(code)
    made = {
        (p.category_id, p.place): p.problem.code
        for p in MonthProblem.objects.filter(root=root, month=month).select_related("problem")
    }
    spots = []
    for (cat_id, place), g in groups.items():
        if not place or g["months"][month] == 0:
            continue
        before = (g["months"][add_months(month, -1)] + g["months"][add_months(month, -2)]) / 2
        spots.append(
            Hotspot(
                cat_id,
                g["name"],
                place,
                g["months"][month],
                before,
                g["ids"],
                made.get((cat_id, place), ""),
            )
        )
    top = sorted(spots, key=lambda h: (-h.count, h.category, h.place))[:limit]
    growing = sorted(
        (h for h in spots if h.growth > 0), key=lambda h: (-h.growth, h.category, h.place)
    )[:limit]
    fresh = [h for h in spots if h.count >= MIN_CASES and not h.problem_code]
    suggested = max(fresh, key=lambda h: (h.score, h.category, h.place), default=None)
    repeated = sorted(
        ((mask_phone(p), len(codes), codes) for p, codes in callers.items() if len(codes) >= 2),
        key=lambda r: -r[1],
    )[:limit]
    result = Month(month, top, growing, repeated, suggested)
    if suggested is not None:
        result.cases = list(
            Case.objects.filter(pk__in=suggested.case_ids).select_related("category", "lead_unit")
        )
    return result


def find(root, month: date, category_id: int, place: str) -> Hotspot | None:
    data = hotspots(root, month, limit=10_000)
    for h in data.top:
        if h.category_id == category_id and h.place == place:
            return h
    return None

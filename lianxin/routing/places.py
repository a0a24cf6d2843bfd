"""Where a demand is: route codes and stake numbers in free text, and the station responsible.

Understood: "G205 K12+300", "G205线K12+300", "205国道12公里", "国道205线12.3公里处",
"省道S311 K5", "县道X112", "X112县道K3+500", and any town or village name of the register
("石桥村口" -> 石桥村).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from lianxin.core.errors import ApplicationError

from .models import RoadSection

PREFIX = {"国道": "G", "省道": "S", "县道": "X", "乡道": "Y", "村道": "C", "专用公路": "Z"}
CODE_RE = re.compile(r"(?<![A-Za-z0-9])([GSXYCZgsxycz])\s?(\d{1,4})(?!\d)")
# 205国道, 国道205线, 国道205
NAMED_RE = re.compile(r"(\d{1,4})\s?(国道|省道|县道|乡道)|(国道|省道|县道|乡道)\s?(\d{1,4})")
STAKE_RE = re.compile(r"[Kk]\s?(\d{1,4})\s?(?:\+\s?(\d{1,3}))?")
KM_RE = re.compile(r"(\d{1,4}(?:\.\d{1,3})?)\s?(?:公里|千米|km|KM)(?:\s?(\d{1,3})\s?米)?")
STAKE_TEXT_RE = re.compile(r"^[Kk]?\s?(\d{1,4})(?:\s?\+\s?(\d{1,3}))?$")


@dataclass(frozen=True)
class Place:
    route: str = ""
    metres: int | None = None


def parse_stake(value: str, *, field: str = "stake") -> int | None:
    """'K12+300' (or '12+300', '12') -> 12300 metres; '' -> None; else a clear refusal."""
    value = (value or "").strip()
    if not value:
        return None
    m = STAKE_TEXT_RE.match(value)
    if m is None:
        raise ApplicationError(
            _("Write a stake number like K12+300 (kilometre + metres)."), field=field
        )
    return int(m.group(1)) * 1000 + int(m.group(2) or 0)


def stake_label(metres: int | None) -> str:
    if metres is None:
        return ""
    return f"K{metres // 1000}+{metres % 1000:03d}"


def normalize_route(value: str) -> str:
    """'g205' -> 'G205'; '205国道' -> 'G205'; '' -> ''."""
    value = (value or "").strip()
    places = parse(value)
    if places and places[0].route:
        return places[0].route
    return value.upper().replace(" ", "")


def parse(text: str) -> list[Place]:
    """Every route mentioned, with the stake after it if any (metres)."""
    text = text or ""
    found: list[tuple[int, int, str]] = []
    for m in CODE_RE.finditer(text):
        found.append((m.start(), m.end(), m.group(1).upper() + m.group(2).zfill(3)))
    for m in NAMED_RE.finditer(text):
        number, word = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _r in found):
            continue
        found.append((m.start(), m.end(), PREFIX[word] + number.zfill(3)))
    found.sort()
    places = []
    for i, (_start, end, route) in enumerate(found):
        limit = found[i + 1][0] if i + 1 < len(found) else len(text)
        after = text[end : min(limit, end + 20)]
        metres = None
        m = STAKE_RE.search(after)
        if m:
            metres = int(m.group(1)) * 1000 + int(m.group(2) or 0)
        else:
            k = KM_RE.search(after)
            if k:
                metres = round(float(k.group(1)) * 1000) + int(k.group(2) or 0)
        places.append(Place(route=route, metres=metres))
    return places


@dataclass
class Match:
    station_id: int
    weight: float
    reason: str


def _sections(root_id: int) -> list[RoadSection]:
    return list(RoadSection.objects.filter(root_id=root_id).select_related("station"))


def match(root_id: int, text: str, *, sections: list[RoadSection] | None = None) -> list[Match]:
    """Stations for the places in the text, strongest first: a stake within a section (1.0),
    a place name (0.8), a route alone (0.5 shared among the stations on it)."""
    sections = _sections(root_id) if sections is None else sections
    text = text or ""
    best: dict[int, Match] = {}

    def add(station_id: int, weight: float, reason: str) -> None:
        if station_id not in best or best[station_id].weight < weight:
            best[station_id] = Match(station_id, weight, reason)

    for place in parse(text):
        on_route = [s for s in sections if s.route and s.route == place.route]
        hit = [
            s
            for s in on_route
            if place.metres is not None
            and s.start_m is not None
            and s.end_m is not None
            and s.start_m <= place.metres <= s.end_m
        ]
        for s in hit:
            add(s.station_id, 1.0, f"{place.route} {stake_label(place.metres)}")
        if not hit and on_route:
            stations = {s.station_id for s in on_route}
            for sid in stations:
                add(sid, 0.5 / len(stations), place.route)
    for s in sections:
        for name in s.place_names:
            if len(name) >= 2 and name in text:
                add(s.station_id, 0.8, name)
            elif len(name) >= 3 and name[-1] in "村乡镇" and name[:-1] in text:
                add(s.station_id, 0.6, name)
    return sorted(best.values(), key=lambda m: -m.weight)


def _names_in(text: str, sections: list[RoadSection]) -> list[str]:
    """Register place names in the text, the most specific first (a village before its
    town)."""
    found = {name for s in sections for name in s.place_names if len(name) >= 2 and name in text}
    return sorted(found, key=lambda n: (n.endswith(("乡", "镇", "街道")), -len(n), n))


def keys(text: str, sections: list[RoadSection]) -> set[str]:
    """What identifies the place of a text: route and kilometre ("G205 K24") and the
    register's place names in it; two texts sharing a key are about the same place."""
    out = {f"{p.route} K{p.metres // 1000}" for p in parse(text) if p.metres is not None}
    return out | set(_names_in(text, sections))


def key(text: str, sections: list[RoadSection]) -> str:
    """One place to group a text by (hotspots): route and kilometre, else the most specific
    place name of the register, else the route alone, else ''."""
    found = parse(text)
    for p in found:
        if p.metres is not None:
            return f"{p.route} K{p.metres // 1000}"
    names = _names_in(text, sections)
    if names:
        return names[0]
    return found[0].route if found else ""

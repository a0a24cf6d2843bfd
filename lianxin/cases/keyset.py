"""Keyset pagination: a page is "the next 50 rows after this one in a fixed order", read
with one indexed query whatever the page's depth (OFFSET reads and throws away every row
before the page). The cursor in the URL holds the sort keys of the row at the page's edge.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q, QuerySet


@dataclass
class KeysetPage:
    rows: list
    next_cursor: str = ""
    previous_cursor: str = ""
    size: int = 50
    extra: dict = field(default_factory=dict)

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def has_next(self) -> bool:
        return bool(self.next_cursor)

    @property
    def has_previous(self) -> bool:
        return bool(self.previous_cursor)


def _encode(values: list) -> str:
    plain = [v.isoformat() if isinstance(v, datetime) else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def _decode(cursor: str, n: int) -> list | None:
    """The keys of a cursor, or None when it cannot be read (then the first page shows)."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (ValueError, TypeError):
        return None
    if not isinstance(values, list) or len(values) != n:
        return None
    return values


def _name(spec: str) -> str:
    return spec.lstrip("-")


def _flip(spec: str) -> str:
    return spec[1:] if spec.startswith("-") else f"-{spec}"


def _beyond(keys: list[str], values: list, forward: bool) -> Q:
    """Rows strictly beyond the values in the order of the keys ("-name" descending, "name"
    ascending): after them when forward, before them otherwise."""

    def op(spec: str) -> str:
        descending = spec.startswith("-")
        return "lt" if descending == forward else "gt"

    names = [_name(k) for k in keys]
    q = Q(pk__in=[])
    for i, key in enumerate(keys):
        same = {k: v for k, v in zip(names[:i], values[:i], strict=True)}
        q |= Q(**same, **{f"{names[i]}__{op(key)}": values[i]})
    # the first key alone as a range, so that the index scan starts at the cursor
    return Q(**{f"{names[0]}__{op(keys[0])}e": values[0]}) & q


def _parse(keys: list[str], values: list, sample) -> list:
    out = []
    for key, value in zip(keys, values, strict=True):
        field_type = sample.get(_name(key))
        if field_type == "datetime":
            value = datetime.fromisoformat(value)
        out.append(value)
    return out


def page(
    qs: QuerySet,
    keys: list[str],
    *,
    after: str = "",
    before: str = "",
    size: int = 50,
    datetimes: tuple[str, ...] = (),
) -> KeysetPage:
    """One page of `qs` in the order of `keys` ("-name" descending, "name" ascending; the last
    key unique, e.g. id), after or before a cursor (one query)."""
    kinds = {k: "datetime" for k in datetimes}
    ordered = qs.order_by(*keys)
    cursor, forward = (after, True) if after else (before, False)
    values = _decode(cursor, len(keys)) if cursor else None
    if values is not None:
        try:
            values = _parse(keys, values, kinds)
        except (ValueError, TypeError):
            values = None
    if values is None:
        rows = list(ordered[: size + 1])
        more = len(rows) > size
        rows = rows[:size]
        return KeysetPage(rows, next_cursor=_edge(rows[-1], keys) if more else "", size=size)
    if forward:
        rows = list(ordered.filter(_beyond(keys, values, True))[: size + 1])
        more = len(rows) > size
        rows = rows[:size]
        nxt = _edge(rows[-1], keys) if more and rows else ""
        prev = _edge(rows[0], keys) if rows else ""
        return KeysetPage(rows, next_cursor=nxt, previous_cursor=prev, size=size)
    backwards = qs.order_by(*[_flip(k) for k in keys]).filter(_beyond(keys, values, False))
    rows = list(backwards[: size + 1])
    more = len(rows) > size
    rows = list(reversed(rows[:size]))
    prev = _edge(rows[0], keys) if more and rows else ""
    nxt = _edge(rows[-1], keys) if rows else ""
    return KeysetPage(rows, next_cursor=nxt, previous_cursor=prev, size=size)


def _edge(row, keys: list[str]) -> str:
    return _encode([getattr(row, _name(k)) for k in keys])

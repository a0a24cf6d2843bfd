"""Near-duplicates: open cases of the last days in the same organisation that say the same.

Each process keeps, per organisation, the TF-IDF vectors of the open cases received in the
window (a sparse matrix), topped up with the cases received since it was built and rebuilt
every few minutes; a check is one query for the newest id, one sparse product, and one query
that re-reads the best candidates (so a case closed meanwhile is never shown). A caller
(same phone) or a place (same road section, village or stake) counts as a reason too.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import timedelta

import numpy as np
import scipy.sparse as sp
from django.db.models import Max

from lianxin.cases.models import OPEN_STATUSES, Case
from lianxin.core import clock

from . import features, places
from .models import RoadSection
from .training import case_text

WINDOW_DAYS = 30
THRESHOLD = 0.45
REBUILD_SECONDS = 300


@dataclass
class _Index:
    built: float
    since: object
    ids: np.ndarray
    matrix: sp.csr_matrix
    last_id: int
    idf: np.ndarray
    _inverted: sp.csr_matrix | None = None

    @property
    def inverted(self) -> sp.csr_matrix:
        if self._inverted is None:
            self._inverted = features.inverted(self.matrix)
        return self._inverted


_indexes: dict[int, _Index] = {}
_lock = threading.Lock()


def forget() -> None:
    with _lock:
        _indexes.clear()


def _rows(root_id: int, since, after_id: int = 0):
    return list(
        Case.objects.filter(
            root_id=root_id, status__in=OPEN_STATUSES, received_at__gte=since, pk__gt=after_id
        )
        .order_by("pk")
        .values_list("pk", "title", "content", "place")
    )


def _index(root_id: int, days: int) -> _Index:
    now = clock.now()
    since = now - timedelta(days=days)
    with _lock:
        idx = _indexes.get((root_id, days))
    fresh = idx is not None and time.monotonic() - idx.built < REBUILD_SECONDS
    if fresh:
        newest = Case.objects.filter(root_id=root_id).aggregate(m=Max("pk"))["m"] or 0
        if newest <= idx.last_id:
            return idx
        rows = _rows(root_id, since, idx.last_id)
        if rows:
            x = features.counts([case_text(*r[1:]) for r in rows])
            idx = _Index(
                idx.built,
                idx.since,
                np.concatenate([idx.ids, np.array([r[0] for r in rows])]),
                sp.vstack([idx.matrix, features.weigh(x, idx.idf)]).tocsr(),
                max(newest, rows[-1][0]),
                idx.idf,
            )
        else:
            idx.last_id = newest
    else:
        rows = _rows(root_id, since)
        x = features.counts([case_text(*r[1:]) for r in rows]) if rows else None
        present = np.zeros(features.N_FEATURES, np.int64)
        if x is not None:
            ones = x.copy()
            ones.data[:] = 1
            present += np.asarray(ones.sum(axis=0)).ravel().astype(np.int64)
        idf = features.idf_from(present, len(rows))
        newest = Case.objects.filter(root_id=root_id).aggregate(m=Max("pk"))["m"] or 0
        idx = _Index(
            time.monotonic(),
            since,
            np.array([r[0] for r in rows], dtype=np.int64),
            features.weigh(x, idf) if x is not None else sp.csr_matrix((0, features.N_FEATURES)),
            newest,
            idf,
        )
    with _lock:
        _indexes[(root_id, days)] = idx
    return idx


@dataclass
class Duplicate:
    case: Case
    similarity: float
    same_caller: bool
    same_place: str


def find(
    root_id: int,
    text: str,
    *,
    place: str = "",
    phone: str = "",
    exclude_id: int | None = None,
    days: int = WINDOW_DAYS,
    limit: int = 5,
) -> list[Duplicate]:
    """Open cases of the window that are like the text (similarity >= THRESHOLD), or from the
    same caller, or about the same place; best first."""
    text = case_text("", text, place)
    if len(text.strip()) < 4:
        return []
    idx = _index(root_id, days)
    candidates: dict[int, float] = {}
    if idx.matrix.shape[0]:
        sims = features.cosines(idx.inverted, features.count_one(text), idx.idf)
        best = np.argsort(-sims)[: limit * 4]
        for i in best:
            if sims[i] >= THRESHOLD * 0.6:
                candidates[int(idx.ids[i])] = float(sims[i])
    since = clock.now() - timedelta(days=days)
    if phone and len(phone) >= 7:
        for pk in Case.objects.filter(
            root_id=root_id, citizen_phone=phone, status__in=OPEN_STATUSES, received_at__gte=since
        ).values_list("pk", flat=True)[:limit]:
            candidates.setdefault(pk, 0.0)
    if exclude_id:
        candidates.pop(exclude_id, None)
    if not candidates:
        return []
    sections = list(RoadSection.objects.filter(root_id=root_id))
    wanted = places.keys(text, sections)
    out = []
    for case in Case.objects.filter(
        pk__in=list(candidates), root_id=root_id, status__in=OPEN_STATUSES, received_at__gte=since
    ).select_related("category", "lead_unit"):
        sim = candidates[case.pk]
        same_caller = bool(phone) and case.citizen_phone == phone
        shared = wanted & places.keys(case_text(case.title, case.content, case.place), sections)
        same_place = min(shared, key=lambda k: (k.endswith(("乡", "镇")), k)) if shared else ""
        if (
            sim >= THRESHOLD
            or (same_caller and sim >= THRESHOLD * 0.6)
            or (same_place and sim >= THRESHOLD * 0.6)
        ):
            out.append(Duplicate(case, sim, same_caller, same_place))
    out.sort(key=lambda d: -(d.similarity + 0.2 * d.same_caller + 0.2 * bool(d.same_place)))
    return out[:limit]

"""Training an organisation's text model from its own dispatched cases.

`train(root)` learns lead unit and category from the cases dispatched since the last
training (partial_fit), or from all of them when there is no model yet, when a unit or a
category appears that the model does not know, or when `full=True`. Cases whose dispatcher
chose another unit than the one suggested weigh three times. The artifact (joblib) is stored
in the data folder under its SHA-256; the row in `TrainedModel` points to it.
"""

from __future__ import annotations

import hashlib
import io
import logging
import threading
import time
from pathlib import Path

import joblib
from django.conf import settings
from django.db import transaction
from django.db.models import F, Max

from lianxin.cases.models import Case, Kind, Status

from .classifier import TextModel
from .models import DispatchChoice, TrainedModel

logger = logging.getLogger(__name__)
CORRECTED_WEIGHT = 3.0
_cache: dict[str, dict] = {}
_lock = threading.Lock()


def case_text(title: str, content: str, place: str) -> str:
    return " ".join(p for p in (title, content, place) if p)


def _folder() -> Path:
    path = Path(settings.DATA_DIR) / "routing"
    path.mkdir(parents=True, exist_ok=True)
    return path


def store(bundle: dict) -> tuple[str, int]:
    buf = io.BytesIO()
    joblib.dump(bundle, buf, compress=3)
    data = buf.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    target = _folder() / f"{digest}.joblib"
    if not target.exists():
        tmp = target.with_suffix(f".{threading.get_ident()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
    return digest, len(data)


def load(digest: str, *, cached: bool = True) -> dict | None:
    """The bundle {"unit": TextModel|None, "category": TextModel|None}, cached per process
    (`cached=False`: a private copy read from the file, for training to change)."""
    with _lock:
        if cached and digest in _cache:
            return _cache[digest]
    path = _folder() / f"{digest}.joblib"
    try:
        data = path.read_bytes()
    except OSError:
        logger.warning("routing model %s is missing from %s", digest, path.parent)
        return None
    if hashlib.sha256(data).hexdigest() != digest:
        logger.warning("routing model %s does not match its digest", digest)
        return None
    bundle = joblib.load(io.BytesIO(data))
    if not cached:
        return bundle
    with _lock:
        _cache.clear()  # one model per organisation is in use; keep memory flat
        _cache[digest] = bundle
    return bundle


CURRENT_TTL = 30.0  # seconds before a process looks for a newer model
_current: dict[int, tuple[float, str | None]] = {}


def current(root_id: int) -> dict | None:
    """The organisation's newest model (looked up at most every CURRENT_TTL seconds)."""
    now = time.monotonic()
    with _lock:
        hit = _current.get(root_id)
    if hit is None or now - hit[0] >= CURRENT_TTL:
        row = TrainedModel.objects.filter(root_id=root_id).order_by("-created_at", "-pk").first()
        hit = (now, row.digest if row else None)
        with _lock:
            _current[root_id] = hit
    return load(hit[1]) if hit[1] else None


def forget() -> None:
    with _lock:
        _cache.clear()
        _current.clear()


def _examples(root, *, after_case: int = 0, case_ids=None):
    qs = (
        Case.objects.filter(root=root, lead_unit__isnull=False)
        .exclude(status__in=[Status.WITHDRAWN, Status.MERGED])
        .exclude(kind=Kind.PROBLEM)
    )
    qs = qs.filter(pk__in=case_ids) if case_ids is not None else qs.filter(pk__gt=after_case)
    return list(
        qs.order_by("pk").values_list(
            "pk", "title", "content", "place", "lead_unit_id", "category_id"
        )
    )


def train(root, *, full: bool = False) -> TrainedModel | None:
    """Train (or go on training) the organisation's model; None when it has fewer than two
    units in its history (keyword rules and the road register still work)."""
    started = time.perf_counter()
    last = TrainedModel.objects.filter(root=root).order_by("-created_at", "-pk").first()
    bundle = load(last.digest, cached=False) if last and not full else None
    max_choice = DispatchChoice.objects.filter(case__root=root).aggregate(m=Max("pk"))["m"] or 0
    corrected = set(
        DispatchChoice.objects.filter(case__root=root)
        .exclude(suggested_id=None)
        .exclude(suggested_id=F("chosen_id"))
        .values_list("case_id", flat=True)
    )
    incremental = bundle is not None
    if incremental:
        new = _examples(root, after_case=last.last_case_id)
        recent_choice_cases = set(
            DispatchChoice.objects.filter(case__root=root, pk__gt=last.last_choice_id).values_list(
                "case_id", flat=True
            )
        ) - {r[0] for r in new}
        if recent_choice_cases:
            new += _examples(root, case_ids=recent_choice_cases)
        known = all(
            bundle.get(key) is not None and bundle[key].knows({r[idx] for r in new})
            for key, idx in (("unit", 4), ("category", 5))
        )
        if not known:
            incremental = False
    if incremental:
        if not new and last.last_choice_id == max_choice:
            return last
        texts = [case_text(r[1], r[2], r[3]) for r in new]
        weights = [CORRECTED_WEIGHT if r[0] in corrected else 1.0 for r in new]
        bundle["unit"].learn_more(texts, [r[4] for r in new], weights)
        bundle["category"].learn_more(texts, [r[5] for r in new], weights)
        rows = new
        count = last.cases + len({r[0] for r in new})
    else:
        rows = _examples(root)
        texts = [case_text(r[1], r[2], r[3]) for r in rows]
        weights = [CORRECTED_WEIGHT if r[0] in corrected else 1.0 for r in rows]
        bundle = {}
        for key, idx in (("unit", 4), ("category", 5)):
            labels = [r[idx] for r in rows]
            bundle[key] = TextModel().fit(texts, labels, weights) if len(set(labels)) > 1 else None
        if bundle["unit"] is None and bundle["category"] is None:
            return None
        count = len(rows)
    digest, size = store(bundle)
    last_case = max([r[0] for r in rows], default=last.last_case_id if last else 0)
    if incremental and last:
        last_case = max(last_case, last.last_case_id)
    row = TrainedModel.objects.create(
        root=root,
        digest=digest,
        size=size,
        cases=count,
        last_case_id=last_case,
        last_choice_id=max_choice,
        full=not incremental,
        seconds=round(time.perf_counter() - started, 3),
    )
    transaction.on_commit(forget)  # this process uses the new model at once
    return row

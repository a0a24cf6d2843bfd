"""The categories in use of each organisation, read once per process and kept for `TTL`
seconds: every case received checks its category, and reading it each time was one query
of the eight a create takes (and the costliest to build in Python after the token's).

The category actions drop the kept copy of their own process when they write and again when
they commit (a change that rolls back is not kept); another process sees a category taken
out of use within `TTL` seconds. A category not in the kept copy (made since, or asked by
mistake) is looked up in the database each time, never refused from the kept copy.
"""

from __future__ import annotations

import copy
import threading
import time as monotonic_time

from django.db import transaction

from .models import Category

TTL = 30.0  # seconds another process may accept a category that was taken out of use
_lock = threading.Lock()
# root id -> (when read, the active categories of that organisation by id)
_kept: dict[int, tuple[float, dict[int, Category]]] = {}
# root id -> when this process changed its categories in a transaction not yet seen committed
_changed_at: dict[int, float] = {}


def forget(root_id: int | None = None) -> None:
    """Drop the kept categories (of one organisation, or all: between tests)."""
    with _lock:
        if root_id is None:
            _kept.clear()
            _changed_at.clear()
        else:
            _kept.pop(root_id, None)
            _changed_at.pop(root_id, None)


def changed(root_id: int) -> None:
    """Called by the actions that write categories, inside their transaction."""
    with _lock:
        _kept.pop(root_id, None)
        _changed_at[root_id] = monotonic_time.monotonic()
    transaction.on_commit(lambda: forget(root_id))


def _active(root_id: int) -> dict[int, Category]:
    now = monotonic_time.monotonic()
    with _lock:
        kept, changed_at = _kept.get(root_id), _changed_at.get(root_id)
    if kept is not None and now - kept[0] < TTL:
        return kept[1]
    found = {c.pk: c for c in Category.objects.filter(root_id=root_id, is_active=True)}
    if changed_at is None or now - changed_at >= TTL:
        with _lock:
            _kept[root_id] = (now, found)
    return found


def active_category(root_id: int, pk: int | None) -> Category | None:
    """The category `pk` of the organisation `root_id` if it is in use, else None: from the
    kept copy (a copy of it, the caller may change it), else from the database."""
    if pk is None:
        return None
    category = _active(root_id).get(pk)
    if category is not None:
        return copy.copy(category)
    return Category.objects.filter(pk=pk, root_id=root_id, is_active=True).first()

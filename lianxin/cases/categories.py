"""The categories in use of each organisation, read once per process and kept
(`core.kept`, 30 s): every case received checks its category, and reading it each time was one query
of the eight a create takes (and the costliest to build in Python after the token's).

The category actions drop the kept copy of their own process when they write and again when
they commit (a change that rolls back is not kept); another process sees a category taken
out of use within 30 seconds. A category not in the kept copy (made since, or asked by
mistake) is looked up in the database each time, never refused from the kept copy.
"""

from __future__ import annotations

import copy

from lianxin.core.kept import Kept

from .models import Category

# root id -> the active categories of that organisation by id
_kept: Kept[dict[int, Category]] = Kept()


def forget(root_id: int | None = None) -> None:
    """Drop the kept categories (of one organisation, or all: between tests)."""
    _kept.forget(root_id)


def changed(root_id: int) -> None:
    """Called by the actions that write categories, inside their transaction."""
    _kept.changed(root_id)


def _active(root_id: int) -> dict[int, Category]:
    return _kept.get(
        root_id,
        lambda: {c.pk: c for c in Category.objects.filter(root_id=root_id, is_active=True)},
    )


def active_category(root_id: int, pk: int | None) -> Category | None:
    """The category `pk` of the organisation `root_id` if it is in use, else None: from the
    kept copy (a copy of it, the caller may change it), else from the database."""
    if pk is None:
        return None
    category = _active(root_id).get(pk)
    if category is not None:
        return copy.copy(category)
    return Category.objects.filter(pk=pk, root_id=root_id, is_active=True).first()

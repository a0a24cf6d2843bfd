"""The workbench menu: each app registers its entries (in its `lianxin_hooks.py`), core
shows to each login only those whose `visible(user)` says yes. The predicate is the same
access rule the entry's page applies (from the app's access.py), so a shown entry never
answers 403 or 404.

    menu.register(menu.Entry("cases", _("Cases"), "workbench:case_queue", "inboxes",
                             order=20, visible=access.may_open_queue))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Entry:
    key: str
    label: object  # a lazy translation
    url_name: str
    icon: str  # a Bootstrap icon name without the "bi-" prefix
    order: int = 100
    visible: Callable[[object], bool] = lambda user: True
    # The number shown beside the label (the unread notices), or None.
    badge: Callable[[object], int] | None = None

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_entries: dict[str, Entry] = {}


def register(entry: Entry) -> None:
    """Register (or replace, by key) a menu entry."""
    _entries[entry.key] = entry


def entries() -> list[Entry]:
    return sorted(_entries.values(), key=lambda e: (e.order, e.key))


@dataclass(frozen=True)
class Shown:
    """An entry as the menu shows it to one login."""

    key: str
    label: object
    url_name: str
    url: str
    icon: str
    badge: int


def entries_for(user) -> list[Shown]:
    """The entries this login may open, in menu order, with their badges counted."""
    if not getattr(user, "is_authenticated", False):
        return []
    return [
        Shown(e.key, e.label, e.url_name, e.url, e.icon, e.badge(user) if e.badge else 0)
        for e in entries()
        if e.visible(user)
    ]

"""Setup rows kept in the process for a while (decision 021): read once, kept for `ttl`
seconds per key (an organisation, or one key for a whole table), dropped by the actions
that write them when they write and again when they commit. While this process's own change
is not committed, what it reads is not kept, so a change that rolls back never stays kept.
Another process sees a change within `ttl` seconds. Never for what decides access."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from django.db import transaction

V = TypeVar("V")
TTL = 30.0  # seconds another process may use setup rows that changed


class Kept(Generic[V]):
    def __init__(self, ttl: float = TTL) -> None:
        self.ttl = ttl
        self._lock = threading.Lock()
        self._values: dict[Hashable, tuple[float, V]] = {}
        self._changed_at: dict[Hashable, float] = {}

    def forget(self, key: Hashable | None = None) -> None:
        """Drop what is kept for `key`, or everything (between tests)."""
        with self._lock:
            if key is None:
                self._values.clear()
                self._changed_at.clear()
            else:
                self._values.pop(key, None)
                self._changed_at.pop(key, None)

    def changed(self, key: Hashable) -> None:
        """Called by an action that writes the rows of `key`, inside its transaction."""
        with self._lock:
            self._values.pop(key, None)
            self._changed_at[key] = time.monotonic()
        transaction.on_commit(lambda: self.forget(key))

    def get(self, key: Hashable, read: Callable[[], V]) -> V:
        """What is kept for `key`, else `read()` (kept unless a change is pending)."""
        now = time.monotonic()
        with self._lock:
            kept, changed_at = self._values.get(key), self._changed_at.get(key)
        if kept is not None and now - kept[0] < self.ttl:
            return kept[1]
        value = read()
        if changed_at is None or now - changed_at >= self.ttl:
            with self._lock:
                self._values[key] = (now, value)
        return value

"""Where a user lands: apps register a function user -> URL or None (the role homes of the
scorecards...); the first answer wins, else the plain workbench home. Core imports no app."""

from __future__ import annotations

from collections.abc import Callable

_homes: list[Callable] = []


def register(home: Callable) -> None:
    if home not in _homes:
        _homes.append(home)


def home_for(user) -> str | None:
    for home in _homes:
        url = home(user)
        if url:
            return url
    return None

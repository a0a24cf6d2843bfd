"""Where a user lands: apps register a function user -> URL or None (the role homes of the
scorecards, the discipline register, the party-work grid, the case queue...) with an order;
the first answer in that order wins, else the plain workbench home. Core imports no app.

    register(home_for, order=10)   # leaders first: a leader who also handles lands as leader
"""

from __future__ import annotations

from collections.abc import Callable

_homes: list[tuple[int, Callable]] = []


def register(home: Callable, *, order: int = 100) -> None:
    if all(h is not home for _o, h in _homes):
        _homes.append((order, home))
        _homes.sort(key=lambda pair: pair[0])


def home_for(user) -> str | None:
    for _order, home in _homes:
        url = home(user)
        if url:
            return url
    return None


# Panels of the plain workbench home (`/workbench/?all=1`, and the home of a role without
# its own): a function request -> (template name, context) or None, shown in order.
_panels: list[tuple[int, Callable]] = []


def register_panel(panel: Callable, *, order: int = 100) -> None:
    if all(p is not panel for _o, p in _panels):
        _panels.append((order, panel))
        _panels.sort(key=lambda pair: pair[0])


def panels_for(request) -> list[tuple[str, dict]]:
    shown = []
    for _order, panel in _panels:
        answer = panel(request)
        if answer:
            shown.append(answer)
    return shown

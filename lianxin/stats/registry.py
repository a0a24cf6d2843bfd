"""Components other apps add to the scorecards (visits, diaries, service requests, study,
monthly plans and reports, penalties).

An app registers its component in its own `scorecard.py`, imported by its AppConfig.ready():

    register(Component(key="liaison.visits", label=_("Visits done / required"),
                       compute=visits, link=visits_link, order=10))

`compute(root, month)` returns {"units": {unit_id: (num, den)}, "people": {person_id:
(num, den)}} for the calendar month (its first day); `den` is None for a plain count
(penalties). `link(unit_id, month)` is the address of the records behind the figure, or "".
`higher_is_better` says which way the component ranks. Stats knows nothing else of the app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Component:
    key: str
    label: Any  # a lazy translation
    compute: Callable[[Any, date], dict]
    link: Callable[[int, date], str] | None = None
    order: int = 100
    higher_is_better: bool = True


_components: dict[str, Component] = {}


def register(component: Component) -> None:
    _components[component.key] = component


def components() -> list[Component]:
    return sorted(_components.values(), key=lambda c: (c.order, c.key))


def get(key: str) -> Component | None:
    return _components.get(key)

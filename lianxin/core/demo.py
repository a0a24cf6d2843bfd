"""The demo loaders of the apps, run in order by `lianxin demo`.

Each app registers its loader in its `lianxin_hooks.py`:

    demo.register("cases", load, order=10, after=("org",))

A loader gets the run's shared state (a dict: the organisation's loader puts the demo units
under "units" for the others) and runs in its own transaction. Loaders run after every
loader they name in `after`, otherwise by `order`; a `summary(state, write)` is called after
all have run to print what the demo holds. Core names no app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction


@dataclass(frozen=True)
class Loader:
    name: str
    load: Callable[[dict], object]
    order: int = 100
    after: tuple[str, ...] = ()
    summary: Callable[[dict, Callable[[str], None]], None] | None = None


_loaders: dict[str, Loader] = {}


def register(
    name: str,
    load: Callable[[dict], object],
    *,
    order: int = 100,
    after: tuple[str, ...] | list[str] = (),
    summary: Callable[[dict, Callable[[str], None]], None] | None = None,
) -> None:
    _loaders[name] = Loader(name, load, order, tuple(after), summary)


def ordered() -> list[Loader]:
    """The loaders, each after those it names, else by order (then name). A loader that
    names one nobody registered, or a cycle, is an error (said, not skipped)."""
    pending = dict(_loaders)
    for loader in pending.values():
        missing = [a for a in loader.after if a not in pending]
        if missing:
            raise LookupError(f"demo loader {loader.name} runs after unknown {missing}")
    done: list[Loader] = []
    names: set[str] = set()
    while pending:
        ready = [x for x in pending.values() if all(a in names for a in x.after)]
        if not ready:
            raise ValueError(f"demo loaders wait on each other: {sorted(pending)}")
        nxt = min(ready, key=lambda x: (x.order, x.name))
        done.append(nxt)
        names.add(nxt.name)
        del pending[nxt.name]
    return done


def run(write: Callable[[str], None]) -> dict:
    """Run every loader, each in its own transaction, then every summary."""
    state: dict = {}
    loaders = ordered()
    for loader in loaders:
        with transaction.atomic():
            loader.load(state)
    for loader in loaders:
        if loader.summary is not None:
            loader.summary(state, write)
    return state

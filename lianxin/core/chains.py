"""The hash chains that `lianxin audit verify` checks: each app with a chained record (the
case timeline) registers how to verify it and count its entries, in its `lianxin_hooks.py`.

    chains.register("case timeline", verify=timeline.verify, count=count_entries)

`verify()` yields (record code, sequence number, problem) for each broken link.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Chain:
    name: str
    verify: Callable[[], Iterable[tuple[str, int, str]]]
    count: Callable[[], int]


_chains: dict[str, Chain] = {}


def register(name: str, *, verify, count) -> None:
    _chains[name] = Chain(name, verify, count)


def chains() -> list[Chain]:
    return [_chains[k] for k in sorted(_chains)]

"""Benchmarks of the foundation, printed with ratios measured in the same run.

    make bench      (uses a fresh SQLite database in data/bench; DATABASE_URL to use another)

1. units under the root of a large tree: one prefix query vs walking the tree level by level
2. people with a role anywhere under the root: one query
3. add_workdays / workdays_between: calls per second and queries per call
4. the unit-tree page: time and query count for the large tree
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lianxin.settings")
data = Path(os.environ.setdefault("LIANXIN_DATA_DIR", str(ROOT / "data" / "bench")))
if "DATABASE_URL" not in os.environ and data.exists():
    shutil.rmtree(data)
data.mkdir(parents=True, exist_ok=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from lianxin.core import workdays  # noqa: E402
from lianxin.core.actor import Actor  # noqa: E402
from lianxin.org import actions, queries  # noqa: E402
from lianxin.org.models import Role, Unit  # noqa: E402


def timed(fn, repeat=5):
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def walk(unit):
    """The naive way: one query per unit for its children."""
    out, frontier = [unit], [unit]
    while frontier:
        nxt = []
        for u in frontier:
            kids = list(Unit.objects.filter(parent=u))
            out.extend(kids)
            nxt.extend(kids)
        frontier = nxt
    return out


def main():
    call_command("migrate", verbosity=0)
    build_start = time.perf_counter()
    root = actions.unit_create(
        name="大型机关", kind="organ", parent=None, code="bench-root", actor=Actor.system()
    )
    n_people = 0
    for s in range(40):
        station = actions.unit_create(
            name=f"站{s}", kind="station", parent=root, actor=Actor.system()
        )
        parent = station
        for depth in range(4):
            for w in range(3):
                unit = actions.unit_create(
                    name=f"站{s}-{depth}-{w}", kind="office", parent=parent, actor=Actor.system()
                )
            parent = unit
        for p in range(6):
            person = actions.person_create(
                username=f"b{s}-{p}", name=f"人员{s}-{p}", unit=station, actor=Actor.system()
            )
            actions.role_grant(
                person=person,
                unit=parent if p % 2 else station,
                role=Role.HANDLER,
                actor=Actor.system(),
            )
            n_people += 1
    total_units = Unit.objects.count()
    print(
        f"built {total_units} units (depth 6) and {n_people} people in "
        f"{time.perf_counter() - build_start:.1f} s"
    )

    with CaptureQueriesContext(connection) as ctx:
        t_prefix, units = timed(lambda: list(queries.units_under(root)), repeat=1)
    q_prefix = len(ctx.captured_queries)
    t_prefix, _ = timed(lambda: list(queries.units_under(root)))
    with CaptureQueriesContext(connection) as ctx:
        walk(root)
    q_walk = len(ctx.captured_queries)
    t_walk, walked = timed(lambda: walk(root), repeat=3)
    assert len(units) == len(walked) == total_units
    print(
        f"units_under(root): {len(units)} units, {q_prefix} query, {t_prefix * 1000:.2f} ms; "
        f"level-by-level walk: {q_walk} queries, {t_walk * 1000:.2f} ms; "
        f"ratio walk/prefix = {t_walk / t_prefix:.1f}x"
    )

    with CaptureQueriesContext(connection) as ctx:
        handlers = list(queries.people_with_role(Role.HANDLER, root, below=True))
    t_role, _ = timed(lambda: list(queries.people_with_role(Role.HANDLER, root, below=True)))
    print(
        f"people_with_role(handler, root, below): {len(handlers)} people, "
        f"{len(ctx.captured_queries)} query, {t_role * 1000:.2f} ms"
    )

    start = date(2026, 9, 1)
    calls = 500
    reset_queries()
    with CaptureQueriesContext(connection) as ctx:
        t0 = time.perf_counter()
        for i in range(calls):
            workdays.add_workdays(start + timedelta(days=i % 120), 13)
        t_add = time.perf_counter() - t0
    print(
        f"add_workdays(d, 13): {calls / t_add:.0f} calls/s, "
        f"{len(ctx.captured_queries) / calls:.1f} queries per call"
    )
    with CaptureQueriesContext(connection) as ctx:
        t0 = time.perf_counter()
        for i in range(calls):
            workdays.workdays_between(start, start + timedelta(days=30 + i % 60))
        t_between = time.perf_counter() - t0
    print(
        f"workdays_between(d, d+30..90): {calls / t_between:.0f} calls/s, "
        f"{len(ctx.captured_queries) / calls:.1f} queries per call"
    )

    leader = actions.person_create(
        username="bench-leader", name="段长", unit=root, actor=Actor.system()
    )
    actions.role_grant(person=leader, unit=root, role=Role.LEADER, actor=Actor.system())
    client = Client()
    client.force_login(leader.user)
    client.get("/workbench/org/")
    with CaptureQueriesContext(connection) as ctx:
        t_page, response = timed(lambda: client.get("/workbench/org/"), repeat=3)
    assert response.status_code == 200
    print(
        f"/workbench/org/ with {total_units} units: {t_page * 1000:.0f} ms, "
        f"{len(ctx.captured_queries) // 3} queries per request, "
        f"{len(response.content) // 1024} KiB"
    )


if __name__ == "__main__":
    main()

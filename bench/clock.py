"""Benchmark of the clock's reminders (催办), old path against new in one run, on
PostgreSQL (PG_URL's server, database lianxin_bench_clock, made afresh):

- old: each due item on its own (`case_remind` per case: lock, timeline entry, notices,
  an SMS task per phone), as the clock did before batching;
- new: a batch handler per 200 items (one UPDATE of the cases, one INSERT of timeline
  entries, one of notices, one SMS task per batch), one UPDATE marking the batch.

Prints reminders/s at 1,000 (old and new, and their ratio) and at 10,000 (new).

    make bench        (PG_URL=postgres://postgres@127.0.0.1:5432/test by default)

`--statements`: one sweep of the last of BENCH_CLOCK_SIZES (new path) with every statement
captured; prints the time PostgreSQL took per kind of statement, summed over the sweep, and
how many of the updates of `cases_case` were HOT (heap-only: no index entry written).

BENCH_CLOCK_FILLFACTOR=<n> (any mode) sets the fillfactor of `cases_case` before the due
cases are made, to see what free space in its pages would change (not set by the project).
"""

from __future__ import annotations

import os
import sys
import time
from datetime import timedelta

import common
from common import BASE_URL, bench_url

DB_NAME = os.environ.get("BENCH_CLOCK_DB", "lianxin_bench_clock")
BENCH_URL = bench_url(DB_NAME)
BATCH = int(os.environ.get("BENCH_CLOCK_BATCH", "200"))
SIZES = [int(n) for n in os.environ.get("BENCH_CLOCK_SIZES", "1000,10000").split(",")]
FILLFACTOR = int(os.environ.get("BENCH_CLOCK_FILLFACTOR", "0"))  # 0: PostgreSQL's (100)


def fresh_database() -> None:
    common.fresh_database(DB_NAME, BASE_URL)


def setup_django():
    # SMS tasks are queued, as in production
    common.setup_django(BENCH_URL, LIANXIN_TASKS="db")


def make_org():
    from lianxin.cases.models import Category
    from lianxin.core.actor import Actor
    from lianxin.org import actions
    from lianxin.org.models import Role

    root = actions.unit_create(
        name="基准公路段", kind="organ", parent=None, code="k", actor=Actor.system()
    )
    stations = []
    for n in range(20):
        station = actions.unit_create(
            name=f"基准站{n}", kind="station", parent=root, actor=Actor.system()
        )
        for role, name in ((Role.HANDLER, "承办人"), (Role.LEADER, "站长")):
            person = actions.person_create(
                username=f"k-{role}-{n}",
                name=f"{name}{n}",
                unit=station,
                phone=f"139{n:08d}",
                actor=Actor.system(),
            )
            actions.role_grant(person=person, unit=station, role=role, actor=Actor.system())
        stations.append(station)
    category = Category.objects.create(root=root, name="路面病害")
    return root, stations, category


def make_due(root, stations, category, n: int, tag: str):
    """n cases being worked on whose reply deadline passed an hour ago, each with its
    first timeline entry and its due item."""
    from django.utils import timezone

    from lianxin.cases.models import Case
    from lianxin.cases.timeline import add_events_many
    from lianxin.core.models import DueItem

    now = timezone.now()
    cases = Case.objects.bulk_create(
        [
            Case(
                root=root,
                code=f"{tag}{i:010d}",
                secret_digest="x",
                kind="complaint",
                channel="hotline",
                category=category,
                title="基准",
                content="基准测试工单",
                status="in_progress",
                received_at=now - timedelta(days=9),
                lead_unit=stations[i % len(stations)],
                reply_due=now - timedelta(hours=1),
            )
            for i in range(n)
        ],
        batch_size=2000,
    )
    for start in range(0, n, 2000):
        add_events_many(cases[start : start + 2000], "receive", "system")
    DueItem.objects.bulk_create(
        [
            DueItem(
                kind="case.reply",
                object_id=str(c.pk),
                due_at=now - timedelta(hours=1),
                escalate_at=now + timedelta(days=30),
            )
            for c in cases
        ],
        batch_size=5000,
    )
    return now


def sweep(path: str, n: int, org) -> float:
    from lianxin.cases import clockwork
    from lianxin.core import clock

    if path == "old":  # the per-item handler only, as before the batches
        clock.register("case.reply", on_due=clockwork.remind, on_escalate=clockwork.supervise)
    else:
        clockwork.register_handlers()
    now = make_due(*org, n, tag=f"{path[0].upper()}{n}")
    t0 = time.perf_counter()
    counts = clock.sweep(at=now + timedelta(minutes=1), batch=BATCH)
    seconds = time.perf_counter() - t0
    assert counts["reminded"] == n, counts
    rate = n / seconds
    print(
        f"{path} path, {n} due reminders (batches of {BATCH}): {seconds:.2f} s"
        f" = {rate:,.0f} reminders/s"
    )
    return rate


def profile(org, n: int = 200, batches: int = 5) -> None:
    """`batches` batches of `n` reminders: their wall and CPU time (this process) without
    the profiler, then one more under cProfile, with the statements it sends."""
    import cProfile
    import pstats

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lianxin.cases import clockwork
    from lianxin.core import clock

    clockwork.register_handlers()
    now = make_due(*org, n * (batches + 1), tag="P")
    at = now + timedelta(minutes=1)
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(batches):
        assert clock._sweep_step("reminded_at", "due_at", at, n) == n
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"{batches} batches of {n}: {wall / batches * 1000:.0f} ms each, of which "
        f"{cpu / batches * 1000:.0f} ms CPU of this process"
    )
    profiler = cProfile.Profile()
    with CaptureQueriesContext(connection) as queries:
        profiler.enable()
        handled = clock._sweep_step("reminded_at", "due_at", at, n)
        profiler.disable()
    assert handled == n, handled
    print(f"one batch of {n}: {len(queries)} statements")
    for q in queries.captured_queries:
        print(f"  {q['time']:>6} s  {q['sql'][:150]}")
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(20)


def statements(org, n: int) -> None:
    """The new path's sweep of n reminders, its statements summed by kind, and the share of
    HOT updates of cases_case."""
    from collections import defaultdict

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lianxin.cases import clockwork
    from lianxin.core import clock

    def updates() -> tuple[int, int]:
        with connection.cursor() as cur:
            cur.execute("SELECT pg_stat_force_next_flush()")  # PostgreSQL >= 15
            cur.execute(
                "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables"
                " WHERE relname = 'cases_case'"
            )
            return cur.fetchone()

    clockwork.register_handlers()
    now = make_due(*org, n, tag="S")
    time.sleep(1)  # the statistics collector's figures before the sweep
    upd0, hot0 = updates()
    with CaptureQueriesContext(connection) as queries:
        t0 = time.perf_counter()
        counts = clock.sweep(at=now + timedelta(minutes=1), batch=BATCH)
        wall = time.perf_counter() - t0
    assert counts["reminded"] == n, counts
    time.sleep(1)
    upd1, hot1 = updates()
    by_kind: dict[str, list] = defaultdict(lambda: [0, 0.0])
    for q in queries.captured_queries:
        sql = q["sql"]
        kind = "SAVEPOINT" if "SAVEPOINT" in sql else " ".join(sql.split()[:3])[:60]
        by_kind[kind][0] += 1
        by_kind[kind][1] += float(q["time"])
    in_db = sum(t for _, t in by_kind.values())
    print(
        f"new path, {n} due reminders (batches of {BATCH}, fillfactor of cases_case "
        f"{FILLFACTOR or 100}): {wall:.2f} s, of which {in_db:.2f} s in statements"
    )
    print(f"updates of cases_case: {upd1 - upd0}, HOT: {hot1 - hot0}")
    for kind, (count, seconds) in sorted(by_kind.items(), key=lambda kv: -kv[1][1]):
        if seconds >= 0.01:
            print(f"  {seconds:6.2f} s  {count:5d}x  {kind}")


def main():
    try:
        fresh_database()
    except Exception as exc:  # no PostgreSQL here: say so, do not pretend
        print(f"the clock benchmark needs PostgreSQL at {BASE_URL}: {exc}")
        return
    setup_django()
    from django.urls import reverse

    reverse("workbench:home")  # load the URLs once, as a running clock has
    org = make_org()
    if FILLFACTOR:
        from django.db import connection

        with connection.cursor() as cur:
            cur.execute(f"ALTER TABLE cases_case SET (fillfactor = {FILLFACTOR})")
    if "--profile" in sys.argv:
        profile(org, batches=int(os.environ.get("BENCH_CLOCK_BATCHES", "5")))
        return
    if "--statements" in sys.argv:
        statements(org, SIZES[-1])
        return
    old = sweep("old", SIZES[0], org)
    new = sweep("new", SIZES[0], org)
    print(f"ratio at {SIZES[0]}: new : old = {new / old:.1f}x the reminders per second")
    for n in SIZES[1:]:
        rate = sweep("new", n, org)
        verdict = "within" if n / rate < 10 else "NOT within"
        print(f"  {verdict} the goal ({n} in < 10 s)")


if __name__ == "__main__":
    main()

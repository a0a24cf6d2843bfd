"""Benchmarks of the scorecards on PostgreSQL (database lianxin_bench_scorecards on
PG_URL's server, made afresh), figures and ratios measured in the same run:

1. freezing one month (all the metric queries and the snapshot) over BENCH_SC_CASES cases
   spread over 24 months and BENCH_SC_STATIONS stations (issue 14 asks for 1,000,000);
2. the organisation's ranking page of a frozen month and of a month not frozen (computed on
   the fly), a unit's month page, and the organ leader's home: p50 and p95 of 20 requests
   each, with their query counts.

    PG_URL=postgres://postgres@127.0.0.1:5432/test BENCH_SC_CASES=1000000 \
        .venv/bin/python bench/scorecards.py
"""

from __future__ import annotations

import os
import random
import statistics
import time
from datetime import timedelta

import common
from common import BASE_URL, bench_url

DB = "lianxin_bench_scorecards"
BENCH_URL = bench_url(DB)
CASES = int(os.environ.get("BENCH_SC_CASES", "1000000"))
STATIONS = int(os.environ.get("BENCH_SC_STATIONS", "20"))
MONTHS = 24
REQUESTS = 20


def fresh_database() -> None:
    common.fresh_database(DB, BASE_URL)


def setup_django():
    # The pages are measured, not the second factor (a logged-in client has no device).
    common.setup_django(BENCH_URL, LIANXIN_REQUIRE_OTP=os.environ.get("LIANXIN_REQUIRE_OTP", "0"))


def make_org():
    from lianxin.cases.models import Category
    from lianxin.core.actor import Actor
    from lianxin.org import actions
    from lianxin.org.models import Role

    root = actions.unit_create(
        name="基准公路段", kind="organ", parent=None, code="b", actor=Actor.system()
    )
    leader = actions.person_create(username="b-boss", name="段长", unit=root, actor=Actor.system())
    actions.role_grant(person=leader, unit=root, role=Role.LEADER, actor=Actor.system())
    stations = []
    for i in range(STATIONS):
        station = actions.unit_create(
            name=f"基准站{i + 1:02d}",
            kind="station",
            parent=root,
            code=f"b-{i}",
            actor=Actor.system(),
        )
        head = actions.person_create(
            username=f"b-l{i}", name=f"站长{i}", unit=station, actor=Actor.system()
        )
        actions.role_grant(person=head, unit=station, role=Role.LEADER, actor=Actor.system())
        stations.append(station)
    category = Category.objects.create(root=root, name="路面病害")
    return root, stations, category, leader


BASE = 10000  # cases made one by one; the rest are copies made in SQL


def make_cases(root, stations, category, now) -> None:
    """CASES cases over 24 months with their recorded facts: BASE made by bulk_create, the
    rest copied in SQL (same dates and facts, new codes)."""
    from django.db import connection

    from lianxin.cases.models import Case

    rng = random.Random(14)
    span = MONTHS * 30 * 24 * 3600
    t0 = time.perf_counter()
    batch = []
    for i in range(min(BASE, CASES)):
        received = now - timedelta(seconds=rng.randrange(span))
        dispatched = received + timedelta(hours=1)
        replied = dispatched + timedelta(days=rng.randint(1, 12))
        rated = replied + timedelta(days=1)
        done = replied < now - timedelta(days=2)
        rating = rng.choices([5, 4, 3, 2, 1], weights=[50, 25, 10, 10, 5])[0] if done else None
        batch.append(
            Case(
                root=root,
                code=f"S{i:011d}",
                secret_digest="x",
                kind="complaint",
                channel="hotline",
                category=category,
                title="基准",
                content="基准测试工单",
                status="closed" if done else "in_progress",
                received_at=received,
                lead_unit=stations[i % len(stations)],
                dispatched_at=dispatched,
                accept_due=dispatched + timedelta(days=1),
                accepted_at=dispatched + timedelta(hours=2),
                accepted_in_time=rng.random() < 0.9,
                reply_due=received + timedelta(days=9),
                first_replied_at=replied if done else None,
                replied_at=replied if done else None,
                replied_in_time=(replied <= received + timedelta(days=9)) if done else None,
                rated_at=rated if rating else None,
                rating=rating,
                solved=(rating or 0) >= 3 if rating else None,
                closed_at=rated if done else None,
                reminder_count=rng.random() < 0.05,
                extension_count=rng.random() < 0.03,
                review_pending=rating is not None and rating <= 2 and rng.random() < 0.01,
            )
        )
        if len(batch) == 5000:
            Case.objects.bulk_create(batch)
            batch = []
    Case.objects.bulk_create(batch)
    columns = [f.column for f in Case._meta.concrete_fields if f.column not in ("id", "code")]
    cols = ", ".join(columns)
    copies = (CASES - BASE) // BASE
    with connection.cursor() as cursor:
        for k in range(1, copies + 1):
            cursor.execute(
                f"INSERT INTO cases_case (code, {cols}) SELECT code || '-' || %s, {cols} "
                "FROM cases_case WHERE code LIKE 'S%%' AND code NOT LIKE '%%-%%'",
                [k],
            )
        cursor.execute("ANALYZE cases_case")
    total = Case.objects.count()
    print(
        f"made {total} cases over {MONTHS} months, {STATIONS} stations: "
        f"{time.perf_counter() - t0:.1f} s"
    )


def timed(client, url: str) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    queries = 0
    for _ in range(REQUESTS):
        t0 = time.perf_counter()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        times.append(time.perf_counter() - t0)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(ctx)
    times.sort()
    return statistics.median(times) * 1000, times[int(len(times) * 0.95) - 1] * 1000, queries


def main():
    reuse = os.environ.get("BENCH_SC_REUSE") == "1"  # measure again on the last run's data
    if not reuse:
        try:
            fresh_database()
        except Exception as exc:  # no PostgreSQL here: say so, do not pretend
            print(f"scorecard benchmarks need PostgreSQL at {BASE_URL}: {exc}")
            return
    setup_django()
    from django.test import Client
    from django.utils import timezone

    from lianxin.core import clock
    from lianxin.core.actor import Actor
    from lianxin.core.months import first_of, previous_month
    from lianxin.org.models import Person, Unit
    from lianxin.stats.actions import scorecard_freeze

    now = clock.now()
    if reuse:
        root = Unit.objects.get(code="b")
        stations = list(Unit.objects.filter(kind="station").order_by("pk"))
        leader = Person.objects.get(user__username="b-boss")
        print(f"reusing {DB}")
    else:
        root, stations, category, leader = make_org()
        make_cases(root, stations, category, now)
    last = previous_month(first_of(timezone.localdate(now)))
    before = previous_month(last)
    t0 = time.perf_counter()
    reason = "bench" if reuse else ""
    scorecard_freeze(root=root, month=last, reason=reason, actor=Actor.system("bench"))
    t_freeze = time.perf_counter() - t0
    print(f"freezing one month ({CASES // MONTHS} cases a month on average): {t_freeze:.2f} s")
    client = Client()
    client.force_login(leader.user)
    rows = [
        ("ranking, frozen month", f"/workbench/scorecards/?month={last:%Y-%m}"),
        ("ranking, month not frozen", f"/workbench/scorecards/?month={before:%Y-%m}"),
        ("a unit's frozen month", f"/workbench/scorecards/units/{stations[0].pk}/{last:%Y-%m}/"),
        ("organ leader's home", "/workbench/scorecards/home/"),
        ("API, frozen month", f"/api/v1/scorecards/{last:%Y-%m}"),
    ]
    results = {}
    for label, url in rows:
        p50, p95, queries = timed(client, url)
        results[label] = p95
        print(f"{label}: p50 {p50:.0f} ms, p95 {p95:.0f} ms, {queries} queries")
    ratio = results["ranking, month not frozen"] / results["ranking, frozen month"]
    print(f"ratio p95 not frozen : frozen ranking = {ratio:.1f}")


if __name__ == "__main__":
    main()

"""Reads of a large register on PostgreSQL (issue 18): the pages staff open all day, timed
on the data of bench/generate.py (made when the database holds no cases, else reused).

    make bench-scale CASES=100000      (PG_URL names a database starting "bench")

Prints p50/p95/p99 over REPEAT runs (BENCH_REPEAT, 20: then p99 is the slowest run) of
whole pages through Django's test client (session, view, queries, template): the
dispatcher's queue (待派单), a handler's queue (我的工单), the workbench home with its
counters, a search by 2- and 4-character Chinese words (坑槽, 路灯, 坑槽积水) and by phone,
page 1 and page N of the register by keyset (the query alone too, against the same page by
OFFSET: ratios in the same run), and a case page with a 200-entry timeline; with the
queries each page makes, their SQL time and, with --explain, the plans of the main queries
(which index each uses). The load average is printed beside the figures. `--only WORDS`
(repeatable) measures only the pages whose label holds the words (`--only queue --only "case
page"`; the keyset comparison and the plans only when "register page N by keyset" is wanted);
`--profile N` prints a cProfile of N more runs of each page measured, and keeps it in
BENCH_PROFILE_DIR/<label>.prof when that is set.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("LIANXIN_REQUIRE_OTP", "0")

import generate  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "20"))


def percentile(times: list[float], p: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, max(0, int(round(len(ordered) * p)) - 1))]


def timed(fn, repeat: int = REPEAT) -> tuple[float, float, float, object]:
    fn()  # warm the caches once, as a server that has been running
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), percentile(times, 0.95), percentile(times, 0.99), result


def show(label: str, p50: float, p95: float, p99: float, extra: str = "") -> None:
    print(f"{label:<44} p50 {p50:7.1f}  p95 {p95:7.1f}  p99 {p99:7.1f} ms  {extra}", flush=True)


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def page_get(client, url, params=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        with CaptureQueriesContext(connection) as q:
            response = client.get(url, params or {})
        assert response.status_code == 200, (url, response.status_code)
        sql_ms = sum(float(x["time"]) for x in q.captured_queries) * 1000
        return len(q), response, sql_ms

    return get


def profile(label: str, get, runs: int) -> None:
    import cProfile
    import io
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    for _ in range(runs):
        get()
    prof.disable()
    if os.environ.get("BENCH_PROFILE_DIR"):  # for pstats: BENCH_PROFILE_DIR/<label>.prof
        name = "".join(ch if ch.isalnum() else "-" for ch in label)
        prof.dump_stats(str(Path(os.environ["BENCH_PROFILE_DIR"]) / f"{name}.prof"))
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(30)
    print(f"--- profile: {label}, {runs} runs")
    print(out.getvalue())


def explain(sql_qs, label: str) -> None:
    from django.db import connection

    sql, params = sql_qs.query.sql_with_params()
    with connection.cursor() as cur:
        cur.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql, params)
        plan = [r[0] for r in cur.fetchall()]
    print(f"--- plan: {label}")
    for line in plan:
        print("    " + line)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=int(os.environ.get("CASES", "100000")))
    parser.add_argument("--page", type=int, default=0, help="page N (default: the middle)")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="WORDS",
        help="measure only the pages whose label contains WORDS (repeatable: queue, case page)",
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="also print a cProfile of N more runs of each page measured (top 30, cumulative)",
    )
    args = parser.parse_args(argv)
    url = os.environ.get("PG_URL", generate.DEFAULT_URL)
    if not generate.database_name(url).startswith("bench"):
        url = url.rsplit("/", 1)[0] + "/bench_scale"
    try:
        generate.ensure_database(url, fresh=False)
    except Exception as exc:  # no PostgreSQL here: say so, do not pretend
        print(f"scale benchmarks need PostgreSQL at {url}: {exc}")
        return
    generate.setup_django(url)
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from lianxin.cases import queries
    from lianxin.cases.models import Case, CaseEvent
    from lianxin.core import clock
    from lianxin.org.models import Person, Role, RoleGrant, Unit

    settings.ALLOWED_HOSTS = ["*"]
    n = Case.objects.count()
    if n == 0:
        t0 = time.perf_counter()
        r = generate.generate(args.cases, 24, 200, 18)
        print(
            f"generated {r['cases']} cases, {r['events']} timeline entries, {r['due_items']} "
            f"due items in {time.perf_counter() - t0:.0f} s"
        )
        n = r["cases"]
    elif n != args.cases:
        print(f"(reusing {n} cases in {generate.database_name(url)}; --fresh in generate.py)")
    with connection.cursor() as cur:
        cur.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        size = cur.fetchone()[0]
    print(f"== {n} cases on PostgreSQL, database {size}, {REPEAT} runs each, {load()} ==")
    root = Unit.objects.get(code="bs")
    dispatcher = Person.objects.get(user__username="bs-dispatcher").user
    grant = (
        RoleGrant.objects.filter(role=Role.HANDLER, unit__path__startswith=root.path)
        .select_related("person__user")
        .order_by("id")
        .first()
    )
    handler = grant.person.user
    big = CaseEvent.objects.filter(seq=200).values_list("case__code", flat=True).first()
    phone = (
        Case.objects.filter(root=root)
        .exclude(citizen_phone="")
        .values_list("citizen_phone", flat=True)
        .order_by("-received_at")[:1]
        .get()
    )
    staff, worker = Client(), Client()
    staff.force_login(dispatcher)
    worker.force_login(handler)
    q = "/workbench/cases/"

    rows = []

    def wanted(label):
        return not args.only or any(words in label for words in args.only)

    def measure(label, client, url, params=None):
        if not wanted(label):
            return None, None
        sql: list[float] = []
        get = page_get(client, url, params)

        def run():
            nq, response, sql_ms = get()
            sql.append(sql_ms)
            return nq, response

        p50, p95, p99, (nq, response) = timed(run)
        shown = response.content.decode().count('<a href="/workbench/cases/2')
        in_sql = statistics.median(sql)
        show(label, p50, p95, p99, f"{nq} queries, SQL p50 {in_sql:.1f} ms, {shown} rows")
        rows.append((label, p50, p95, p99))
        if args.profile:
            profile(label, get, args.profile)
        return p50, response

    measure("dispatcher's queue 待派单 (incoming)", staff, q, {"tab": "incoming"})
    measure("handler's queue 我的工单 (my cases)", worker, q, {"tab": "mine"})
    measure("dispatcher's workbench home (counters)", staff, "/workbench/", {"all": "1"})
    measure("handler's workbench home (counters)", worker, "/workbench/", {"all": "1"})
    measure("register (all), page 1 by keyset", staff, q)
    measure("search 2 characters 坑槽", staff, q, {"q": "坑槽"})
    measure("search 2 characters 路灯", staff, q, {"q": "路灯"})
    measure("search 4 characters 坑槽积水", staff, q, {"q": "坑槽积水"})
    measure("search 5 characters 超限货车每", staff, q, {"q": "超限货车每"})
    measure("search 1 character 坑", staff, q, {"q": "坑"})
    measure("search by phone", staff, q, {"q": phone})
    measure(
        f"case page, {CaseEvent.objects.filter(case__code=big).count()} entries",
        staff,
        f"{q}{big}/",
    )

    # page N of the register: keyset (the cursor of the row before the page) vs OFFSET
    if not wanted("register page N by keyset"):
        print(f"== done, {load()} ==")
        return
    size = 50
    page_n = args.page or max(2, n // size // 2)
    f = queries.CaseFilter()
    base = queries.case_list(dispatcher, root, f)
    edge = base[(page_n - 1) * size - 1]
    from lianxin.cases.keyset import _encode

    cursor = _encode([edge.received_at, edge.pk])
    p50_1, p95_1, p99_1, _first = timed(lambda: queries.case_page(dispatcher, root, f, size=size))
    p50_k, p95_k, p99_k, page = timed(
        lambda: queries.case_page(dispatcher, root, f, after=cursor, size=size)
    )
    p50_o, p95_o, p99_o, rows_o = timed(lambda: list(base[(page_n - 1) * size : page_n * size]))
    assert [c.pk for c in page] == [c.pk for c in rows_o], "keyset and OFFSET disagree"
    show("register page 1 by keyset (query)", p50_1, p95_1, p99_1)
    show(f"register page {page_n} by keyset (query)", p50_k, p95_k, p99_k)
    show(f"register page {page_n} by OFFSET (query)", p50_o, p95_o, p99_o)
    print(f"ratio keyset page {page_n} : page 1 = {p50_k / p50_1:.2f}")
    print(f"ratio OFFSET : keyset at page {page_n} = {p50_o / p50_k:.1f}")
    p50_pk, _r = measure(f"register page {page_n} by keyset (page)", staff, q, {"after": cursor})
    print(f"== done, {load()} ==")

    if args.explain:
        explain(
            queries.case_list(dispatcher, root, queries.CaseFilter(tab="incoming"))[:51],
            "dispatcher's queue",
        )
        explain(
            queries.case_list(handler, root, queries.CaseFilter(tab="mine"))[:51], "handler's queue"
        )
        for words in ("坑槽", "坑槽积水"):
            matches = queries.case_list(dispatcher, root, queries.CaseFilter(q=words))
            month = clock.now() - queries.SEARCH_SPANS[0]
            newest = matches.order_by("-received_at", "-id").values("pk")
            explain(newest.filter(received_at__gte=month)[:1000], f"search window {words} (month)")
            explain(matches.values("pk")[:1000], f"search window {words} (all time)")
        explain(
            base.filter(
                queries.keyset._beyond(["received_at", "id"], [edge.received_at, edge.pk], True)
            )[:51],
            "keyset page",
        )
        explain(CaseEvent.objects.filter(case__code=big).order_by("seq"), "timeline")


if __name__ == "__main__":
    main()

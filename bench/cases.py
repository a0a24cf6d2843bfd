"""Benchmarks of the case register, on PostgreSQL (DATABASE_URL's server, database
lianxin_bench, made afresh), with ratios measured in the same run:

1. cases received through the JSON API by concurrent clients against `lianxin serve`
   (gunicorn): cases per second, p50 and p99 latency; beside the raw single-row INSERT rate
   of the same PostgreSQL from the same number of clients;
2. one clock sweep over 100,000 open cases, 1,000 of them past their reply deadline; and a
   sweep when nothing is due.

    make bench        (PG_URL=postgres://postgres@127.0.0.1:5432/test by default)
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import threading
import time
import urllib.request
from datetime import timedelta

from common import BASE_URL, ROOT, bench_url, fresh_database, setup_django

DB = "lianxin_bench"
BENCH_URL = bench_url(DB)
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "8"))
PER_CLIENT = int(os.environ.get("BENCH_PER_CLIENT", "60"))
OPEN_CASES = int(os.environ.get("BENCH_OPEN_CASES", "100000"))
DUE_CASES = 1000


def make_org():
    from lianxin.cases.models import Category
    from lianxin.core.actions import api_token_create
    from lianxin.core.actor import Actor
    from lianxin.org import actions
    from lianxin.org.models import Role

    root = actions.unit_create(
        name="基准公路段", kind="organ", parent=None, code="b", actor=Actor.system()
    )
    station = actions.unit_create(name="基准站", kind="station", parent=root, actor=Actor.system())
    operator = actions.person_create(
        username="b-op", name="话务员", unit=root, actor=Actor.system()
    )
    actions.role_grant(person=operator, unit=root, role=Role.OPERATOR, actor=Actor.system())
    handler = actions.person_create(
        username="b-h", name="承办人", unit=station, actor=Actor.system()
    )
    actions.role_grant(person=handler, unit=station, role=Role.HANDLER, actor=Actor.system())
    leader = actions.person_create(username="b-l", name="站长", unit=station, actor=Actor.system())
    actions.role_grant(person=leader, unit=station, role=Role.LEADER, actor=Actor.system())
    category = Category.objects.create(root=root, name="路面病害")
    _t, token = api_token_create(user=operator.user, name="bench", actor=Actor.system())
    return root, station, category, token


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": BENCH_URL, "LIANXIN_TASKS": "immediate"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/lianxin"),
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(os.cpu_count() * 2),
            "--threads",
            "2",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("lianxin serve did not start")


def run_clients(work, n_clients: int, per_client: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    lock = threading.Lock()

    def client(k):
        mine = []
        for i in range(per_client):
            t0 = time.perf_counter()
            work(k, i)
            mine.append(time.perf_counter() - t0)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(n_clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, sorted(latencies)


def pct(values: list[float], p: float) -> float:
    return values[min(len(values) - 1, int(len(values) * p))] * 1000


def api_benchmark(category_id: int, token: str) -> float:
    port = free_port()
    server = start_server(port)
    url = f"http://127.0.0.1:{port}/api/v1/cases/"

    def post(k, i):
        body = json.dumps(
            {
                "kind": "complaint",
                "channel": "hotline",
                "category": category_id,
                "content": f"基准测试诉求 {k}-{i}：路面有坑，请尽快修补。",
                "citizen_phone": "13800000000",
                "submit_token": f"bench-{k}-{i}",
            }
        ).encode()
        req = urllib.request.Request(
            url,
            data=body,
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
        )
        with urllib.request.urlopen(req, timeout=30) as response:
            assert response.status == 201

    try:
        run_clients(post, 2, 5)  # warm up the workers
        elapsed, lat = run_clients(post_offset(post), CLIENTS, PER_CLIENT)
    finally:
        server.terminate()
        server.wait(timeout=10)
    n = CLIENTS * PER_CLIENT
    rate = n / elapsed
    print(
        f"API intake: {n} cases by {CLIENTS} clients in {elapsed:.2f} s = {rate:.0f} cases/s; "
        f"latency p50 {statistics.median(lat) * 1000:.1f} ms, p99 {pct(lat, 0.99):.1f} ms"
    )
    return rate


def post_offset(post):
    return lambda k, i: post(k + 1000, i)


def raw_insert_benchmark() -> float:
    import psycopg

    with psycopg.connect(BENCH_URL, autocommit=True) as conn:
        conn.execute("CREATE TABLE bench_raw (id bigserial primary key, body text, at timestamptz)")
    local = threading.local()

    def insert(k, i):
        if not hasattr(local, "conn"):
            local.conn = psycopg.connect(BENCH_URL, autocommit=True)
        local.conn.execute(
            "INSERT INTO bench_raw (body, at) VALUES (%s, now())", (f"基准 {k}-{i}",)
        )

    elapsed, lat = run_clients(insert, CLIENTS, PER_CLIENT * 5)
    n = CLIENTS * PER_CLIENT * 5
    rate = n / elapsed
    print(
        f"raw INSERT (one row, one commit): {n} rows by {CLIENTS} clients = {rate:.0f} rows/s; "
        f"p50 {statistics.median(lat) * 1000:.2f} ms"
    )
    return rate


def sweep_benchmark(root, station, category) -> None:
    from django.utils import timezone

    from lianxin.cases.models import Case
    from lianxin.core import clock
    from lianxin.core.models import DueItem

    now = timezone.now()
    t0 = time.perf_counter()
    batch = []
    for i in range(OPEN_CASES):
        due = now - timedelta(hours=1) if i < DUE_CASES else now + timedelta(days=5 + i % 20)
        batch.append(
            Case(
                root=root,
                code=f"B{i:011d}",
                secret_digest="x",
                kind="complaint",
                channel="hotline",
                category=category,
                title="基准",
                content="基准测试工单",
                status="in_progress",
                received_at=now - timedelta(days=3),
                lead_unit=station,
                reply_due=due,
            )
        )
        if len(batch) == 5000:
            Case.objects.bulk_create(batch)
            batch = []
    Case.objects.bulk_create(batch)
    ids = dict(Case.objects.filter(code__startswith="B").values_list("code", "pk"))
    items = [
        DueItem(
            kind="case.reply",
            object_id=str(ids[f"B{i:011d}"]),
            due_at=now - timedelta(hours=1) if i < DUE_CASES else now + timedelta(days=5 + i % 20),
            escalate_at=now + timedelta(days=30),
        )
        for i in range(OPEN_CASES)
    ]
    DueItem.objects.bulk_create(items, batch_size=5000)
    print(f"made {OPEN_CASES} open cases with due items in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    counts = clock.sweep(at=now)
    t_sweep = time.perf_counter() - t0
    t0 = time.perf_counter()
    idle = clock.sweep(at=now)
    t_idle = time.perf_counter() - t0
    assert idle == {"reminded": 0, "escalated": 0}
    print(
        f"clock sweep over {OPEN_CASES} open cases: {counts['reminded']} reminders in "
        f"{t_sweep:.2f} s ({t_sweep / max(counts['reminded'], 1) * 1000:.2f} ms each); "
        f"a sweep with nothing due: {t_idle * 1000:.1f} ms"
    )


def main():
    try:
        fresh_database(DB)
    except Exception as exc:  # no PostgreSQL here: say so, do not pretend
        print(f"case benchmarks need PostgreSQL at {BASE_URL}: {exc}")
        return
    setup_django(BENCH_URL)
    root, station, category, token = make_org()
    api_rate = api_benchmark(category.pk, token)
    raw_rate = raw_insert_benchmark()
    print(f"ratio API cases/s : raw INSERT rows/s = {api_rate / raw_rate:.3f}")
    sweep_benchmark(root, station, category)


if __name__ == "__main__":
    main()

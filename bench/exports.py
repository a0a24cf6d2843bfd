"""Benchmark of the background export (core.exportjobs) against the old in-request
workbook, on PostgreSQL (PG_URL's server, database lianxin_bench_exports, made afresh):

1. 1,000,000 cases made with one INSERT ... SELECT over generate_series (seconds);
2. the background job (`exportjobs.run`, exactly what `db_worker` runs) writing all of them,
   as CSV and as a write-only .xlsx: rows/s, seconds, the process's peak memory;
3. at 30,000 rows, the old path (the whole workbook in memory, then its bytes, as the web
   request did) beside the new one: seconds, peak memory and their ratios in the same run.

Each export runs in a fresh child process so that its peak resident memory
(getrusage ru_maxrss) is its own.

    make bench        (PG_URL=postgres://postgres@127.0.0.1:5432/test by default)
    BENCH_EXPORT_ROWS=200000 .venv/bin/python bench/exports.py   (a quicker run)
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BASE_URL = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432/test")
BENCH_URL = BASE_URL.rsplit("/", 1)[0] + "/lianxin_bench_exports"
ROWS = int(os.environ.get("BENCH_EXPORT_ROWS", "1000000"))
SMALL = 30000


def fresh_database() -> None:
    import psycopg

    with psycopg.connect(BASE_URL, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS lianxin_bench_exports WITH (FORCE)")
        conn.execute("CREATE DATABASE lianxin_bench_exports")


def setup_django(migrate: bool = False):
    os.environ["DATABASE_URL"] = BENCH_URL
    os.environ.setdefault("LIANXIN_DATA_DIR", str(ROOT / "data" / "bench"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "lianxin.settings"
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)


def make_data() -> int:
    """An organisation, a dispatcher, and ROWS cases copied from one made by the action."""
    from django.db import connection

    from lianxin.cases import actions as case_actions
    from lianxin.cases.models import Case, Category
    from lianxin.core.actor import Actor
    from lianxin.org import actions
    from lianxin.org.models import Role

    root = actions.unit_create(
        name="基准公路段", kind="organ", parent=None, code="e", actor=Actor.system()
    )
    station = actions.unit_create(name="基准站", kind="station", parent=root, actor=Actor.system())
    dispatcher = actions.person_create(
        username="e-d", name="派单员", unit=root, actor=Actor.system()
    )
    actions.role_grant(person=dispatcher, unit=root, role=Role.DISPATCHER, actor=Actor.system())
    category = Category.objects.create(root=root, name="路面病害", default_unit=station)
    template, _secret = case_actions.case_receive(
        root=root,
        kind="complaint",
        channel="hotline",
        category=category,
        content="青山路K12+300处有一个大坑，晚上骑车很危险，请尽快修补。",
        place="青山镇青山村村口",
        citizen_name="赵市民",
        citizen_phone="13812345678",
        title='=HYPERLINK("http://x","青山路坑槽")',
        actor=Actor.citizen("hotline"),
    )
    Case.objects.filter(pk=template.pk).update(lead_unit=station)
    columns = [
        f.column
        for f in Case._meta.concrete_fields
        if f.column not in ("id", "code", "submit_key", "received_at")
    ]
    cols = ", ".join(f'"{c}"' for c in columns)
    t0 = time.perf_counter()
    with connection.cursor() as cur:
        cur.execute(
            f'INSERT INTO cases_case ({cols}, "code", "received_at") '
            f"SELECT {cols}, 'E' || lpad(g::text, 11, '0'), "
            f"received_at - (g || ' minutes')::interval "
            f"FROM cases_case, generate_series(1, %s) g WHERE id = %s",
            [ROWS - 1, template.pk],
        )
        cur.execute("ANALYZE cases_case")
    print(f"made {ROWS} cases in {time.perf_counter() - t0:.1f} s (INSERT ... SELECT)")
    return dispatcher.user.pk


def child(mode: str, user_id: int, fmt: str, limit: int) -> None:
    """One export in this (fresh) process; prints a JSON line with rows, seconds, peak MB."""
    setup_django()
    from django.utils import translation

    from lianxin.cases import exports
    from lianxin.core import exportjobs
    from lianxin.core.models import ExportJob, User

    user = User.objects.get(pk=user_id)
    translation.activate("zh-hans")
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    if mode == "old":
        from lianxin.cases import queries
        from lianxin.org import access as org_access

        root = org_access.home_root(user)
        cases = queries.case_list(user, root, queries.CaseFilter())[:limit]
        data = exports.cases_xlsx(cases, root=root)
        rows, size = limit, len(data)
    elif mode == "new-small":
        table = exports.cases_table(user, {})
        table = exportjobs.Table(**{**table.__dict__, "rows": table.rows[:limit]})
        path = Path(os.environ["LIANXIN_DATA_DIR"]) / f"bench-small.{fmt}"
        with open(path, "wb") as fh:
            rows = exportjobs.write(table, fh, fmt=fmt)
        size = path.stat().st_size
    else:
        job = ExportJob.objects.create(
            requested_by=user, kind="cases", title="bench", filters={"_lang": "zh-hans"}, fmt=fmt
        )
        exportjobs.run(job.pk)
        job.refresh_from_db()
        assert job.state == "done", job.error
        rows, size = job.rows, (exportjobs.folder() / job.stored).stat().st_size
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu = time.process_time() - cpu0
    print(
        json.dumps(
            {
                "rows": rows,
                "s": seconds,
                "cpu": cpu,
                "peak_mb": peak,
                "base_mb": base,
                "bytes": size,
            }
        )
    )


def run_child(mode: str, user_id: int, fmt: str, limit: int = 0) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(user_id), fmt, str(limit)],
        check=True,
        capture_output=True,
        text=True,
        env=os.environ.copy(),
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def show(label: str, r: dict) -> None:
    print(
        f"{label}: {r['rows']} rows in {r['s']:.1f} s = {r['rows'] / r['s']:,.0f} rows/s "
        f"(this process's CPU {r['cpu']:.1f} s; the database works beside it); "
        f"peak memory {r['peak_mb']:.0f} MB (Django loaded: {r['base_mb']:.0f} MB); "
        f"file {r['bytes'] / 1e6:.0f} MB"
    )


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5]))
        return
    try:
        fresh_database()
    except Exception as exc:  # no PostgreSQL here: say so, do not pretend
        print(f"the export benchmark needs PostgreSQL at {BASE_URL}: {exc}")
        return
    os.environ["DATABASE_URL"] = BENCH_URL
    setup_django(migrate=True)
    user_id = make_data()
    old = run_child("old", user_id, "xlsx", SMALL)
    show(f"old in-request workbook, {SMALL} rows", old)
    new = run_child("new-small", user_id, "xlsx", SMALL)
    show(f"new streamed workbook, {SMALL} rows", new)
    print(
        f"ratio at {SMALL} rows, old : new = {old['s'] / new['s']:.2f}x the time "
        f"({old['cpu'] / new['cpu']:.2f}x the CPU), "
        f"{(old['peak_mb'] - old['base_mb']) / max(new['peak_mb'] - new['base_mb'], 1):.1f}x "
        f"the memory above Django's own"
    )
    for fmt in ("csv", "xlsx"):
        r = run_child("job", user_id, fmt)
        show(f"background job, {fmt}, all", r)
        verdict = "within" if r["s"] < 120 and r["peak_mb"] < 200 else "NOT within"
        print(f"  {verdict} the goal (< 120 s, < 200 MB)")


if __name__ == "__main__":
    main()

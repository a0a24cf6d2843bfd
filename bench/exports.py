"""Benchmark of the background export (core.exportjobs), on PostgreSQL (PG_URL's server,
database lianxin_bench_exports, made afresh), old and new in the same run:

1. ROWS (1,000,000) cases made with one INSERT ... SELECT over generate_series (seconds);
2. CSV of all of them, the job path of the previous session ("before": one csv writerow and
   one strftime per cell, copied here as the baseline) against the job as it is now
   (`exportjobs.run`, exactly what `db_worker` runs: chunks of 2,000 rows from a server-side
   cursor over `values_list`, `csv.writer.writerows`): rows/s, seconds, CPU, peak memory;
3. the job as .xlsx (core.xlsxstream), on XLSX_ROWS (BENCH_EXPORT_XLSX_ROWS: 200,000 by
   default, 0 leaves it out);
   (BENCH_EXPORT_BEFORE=0 leaves the baseline out);
4. at 30,000 rows, the old in-request workbook beside the streamed one (BENCH_EXPORT_SMALL=0
   leaves it out: on a loaded machine the old path alone takes minutes).

`--writers` needs no database: WRITER_ROWS (1,000,000; BENCH_WRITER_ROWS) rows of the
register's 16 columns made in Python are written by openpyxl's write-only workbook (the job's
writer before core.xlsxstream, copied here as the baseline), by `core.exports.stream_table`
as .xlsx (core.xlsxstream) and as CSV, each in a fresh process with Django's settings only:
seconds, rows/s, CPU, peak memory (ru_maxrss; the process before writing beside it), file
size, and the ratios of the same run.

Each export runs in a fresh child process so that its peak resident memory
(getrusage ru_maxrss) is its own; the load average is printed beside the figures.

    make bench        (PG_URL=postgres://postgres@127.0.0.1:5432/test by default)
    BENCH_EXPORT_ROWS=200000 .venv/bin/python bench/exports.py   (a quicker run)
    BENCH_EXPORT_REUSE=1 ...   (the cases of the last run, if there are as many)
    BENCH_EXPORT_DB=name ...   (another database than lianxin_bench_exports)
    .venv/bin/python bench/exports.py --writers   (no database)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from common import bench_url, fresh_database, load_average, peak_mb, setup_django

DB = os.environ.get("BENCH_EXPORT_DB", "lianxin_bench_exports")
ROWS = int(os.environ.get("BENCH_EXPORT_ROWS", "1000000"))
XLSX_ROWS = int(os.environ.get("BENCH_EXPORT_XLSX_ROWS", "200000"))
SMALL = 30000
GOAL_S, GOAL_MB = 120, 200


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
        # The word-search indexes (GIN trigram and bigram, docs/scale.md) cost most of the
        # insert and no export reads them: dropped for this benchmark's data only.
        cur.execute("DROP INDEX IF EXISTS case_search_trgm")
        cur.execute("DROP INDEX IF EXISTS case_search_bigram")
        cur.execute(
            f'INSERT INTO cases_case ({cols}, "code", "received_at") '
            f"SELECT {cols}, 'E' || lpad(g::text, 11, '0'), "
            f"received_at - (g || ' minutes')::interval "
            f"FROM cases_case, generate_series(1, %s) g WHERE id = %s",
            [ROWS - 1, template.pk],
        )
        cur.execute("ANALYZE cases_case")
    print(
        f"made {ROWS} cases in {time.perf_counter() - t0:.1f} s "
        "(INSERT ... SELECT, without the word-search indexes)"
    )
    return dispatcher.user.pk


def _before_rows(table):
    """The previous session's row function: strftime per time cell (kept as the baseline)."""
    from django.utils import timezone

    from lianxin.cases.exports import _row_maker

    new_row = _row_maker()
    tz = timezone.get_current_timezone()

    def when(value):
        return value.astimezone(tz).strftime("%Y-%m-%d %H:%M") if value else ""

    for v in table.rows.iterator(chunk_size=2000):
        row = new_row(v)
        row[1], row[11], row[12] = when(v[1]), when(v[11]), when(v[12])
        yield row


def _before_job(user, path: Path) -> int:
    """The previous session's CSV job: a writerow and a formula check call per cell, times
    read as datetimes and written by strftime."""
    import csv
    import io

    from lianxin.cases import exports, queries
    from lianxin.core import exportjobs
    from lianxin.core.exports import _csv_cell
    from lianxin.core.models import ExportJob
    from lianxin.org import access as org_access

    job = ExportJob.objects.create(requested_by=user, kind="cases", title="before", fmt="csv")
    table = exports.cases_table(user, {"_lang": ["zh-hans"]})
    plain = [f if isinstance(f, str) else f.source_expressions[0].name for f in exports.FIELDS]
    root = org_access.home_root(user)
    rows = queries.case_list(user, root, queries.CaseFilter()).values_list(*plain)
    table = exportjobs.Table(**{**table.__dict__, "rows": rows})  # times as datetimes
    table.rows.count()
    written = 0
    with open(path, "wb") as fh:
        text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="", write_through=False)
        out = csv.writer(text)
        out.writerow([str(h) for h in table.headers])
        for row in _before_rows(table):
            out.writerow([_csv_cell(v) for v in row])
            written += 1
            if written % 2000 == 0:
                ExportJob.objects.filter(pk=job.pk).update(rows=written)
        text.flush()
        text.detach()
    return written


def reused() -> int | None:
    """BENCH_EXPORT_REUSE=1: the cases of an earlier run, if there are ROWS of them (the
    dispatcher's user id), else None (the data is made afresh)."""
    try:
        setup_django(bench_url(DB), migrate=False)
        from lianxin.cases.models import Case
        from lianxin.core.models import User

        if Case.objects.count() != ROWS:
            return None
        print(f"reusing the {ROWS} cases of an earlier run")
        return User.objects.get(username="e-d").pk
    except Exception:  # no such database yet
        return None


def child(mode: str, user_id: int, fmt: str, limit: int) -> None:
    """One export in this (fresh) process; prints a JSON line with rows, seconds, peak MB."""
    setup_django(bench_url(DB), migrate=False)
    from django.utils import translation

    from lianxin.cases import exports
    from lianxin.core import exportjobs
    from lianxin.core.models import ExportJob, User

    user = User.objects.get(pk=user_id)
    translation.activate("zh-hans")
    base = peak_mb()
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
    elif mode == "before":
        path = Path(os.environ["LIANXIN_DATA_DIR"]) / "bench-before.csv"
        rows = _before_job(user, path)
        size = path.stat().st_size
    else:
        filters = {"_lang": "zh-hans"}
        if limit:  # the newest `limit` cases: the register's own "since" filter
            from lianxin.cases.models import Case

            edge = Case.objects.order_by("-received_at").values_list("received_at", flat=True)
            since = edge[limit - 1].date().isoformat()
            filters["since"] = [since]
        job = ExportJob.objects.create(
            requested_by=user, kind="cases", title="bench", filters=filters, fmt=fmt
        )
        exportjobs.run(job.pk)
        job.refresh_from_db()
        assert job.state == "done", job.error
        rows, size = job.rows, (exportjobs.folder() / job.stored).stat().st_size
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    print(
        json.dumps(
            {
                "rows": rows,
                "s": seconds,
                "cpu": cpu,
                "peak_mb": peak_mb(),
                "base_mb": base,
                "bytes": size,
                "load": load_average(),
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
        f"file {r['bytes'] / 1e6:.0f} MB; {r['load']} at its end"
    )


WRITER_ROWS = int(os.environ.get("BENCH_WRITER_ROWS", "1000000"))


def register_rows(n: int):
    """`n` rows shaped as the case register's (16 columns, Chinese text, masked phones, times
    as the job writes them, a rating as a number); one title in ten typed as a formula."""
    kinds, channels = ["投诉", "求助", "咨询", "建议"], ["热线", "网站", "微信", "来访"]
    statuses, units = ["已受理", "处理中", "已答复", "已办结"], ["青山站", "白水站", "基准站"]
    pool = []
    for i in range(997):
        day, minute = 1 + i % 28, i % 60
        title = '=HYPERLINK("http://x","青山路坑槽")' if i % 10 == 0 else f"青山路K{i}+300处坑槽"
        pool.append(
            [
                "",
                f"2026-11-{day:02d} 10:{minute:02d}",
                kinds[i % 4],
                channels[i % 4],
                "路面病害",
                title,
                f"青山镇青山村{i}组村口",
                "138****5678",
                statuses[i % 4],
                units[i % 3],
                "张工" if i % 2 else "",
                f"2026-12-{day:02d} 10:{minute:02d}",
                f"2026-12-{day:02d} 09:{minute:02d}" if i % 4 == 2 else "",
                1 + i % 5 if i % 3 == 0 else "",
                "是" if i % 4 == 3 else "",
                "",
            ]
        )
    for i in range(n):
        row = pool[i % 997].copy()
        row[0] = f"E{i:011d}"
        yield row


def _openpyxl_write_only(target, *, title, headers, rows) -> int:
    """The job's .xlsx writer before core.xlsxstream (kept as the baseline): an openpyxl
    write-only workbook, formula-like text as quote-prefixed cells."""
    from itertools import islice

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from lianxin.core.exports import FORMULA_START

    def cell(ws, value):
        if isinstance(value, str) and value.startswith(FORMULA_START):
            c = WriteOnlyCell(ws, value=value)
            c.data_type = "s"
            c.quotePrefix = True
            return c
        return "" if value is None else value

    book = Workbook(write_only=True)
    ws = book.create_sheet("工单")
    head = WriteOnlyCell(ws, value=title)
    head.font = Font(bold=True, size=14)
    ws.append([head])
    bold = Font(bold=True)
    header_cells = []
    for h in headers:
        c = WriteOnlyCell(ws, value=h)
        c.font = bold
        header_cells.append(c)
    ws.append(header_cells)
    written = 0
    rows = iter(rows)
    while chunk := list(islice(rows, 2000)):
        for row in chunk:
            ws.append([cell(ws, v) for v in row])
        written += len(chunk)
    book.save(target)
    return written


def writer_child(mode: str, n: int) -> None:
    """One writer in this (fresh) process, Django's settings only (no database)."""
    from django.conf import settings

    settings.configure(TIME_ZONE="Asia/Shanghai", USE_TZ=True)
    from lianxin.core.exports import stream_table

    headers = [f"列{i}" for i in range(16)]
    suffix = "csv" if mode == "csv" else "xlsx"
    path = Path(os.environ.get("LIANXIN_DATA_DIR", "/tmp")) / f"bench-writer-{mode}.{suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    base = peak_mb()
    cpu0, t0 = time.process_time(), time.perf_counter()
    with open(path, "wb") as fh:
        if mode == "openpyxl":
            rows = _openpyxl_write_only(fh, title="工单", headers=headers, rows=register_rows(n))
        else:
            rows = stream_table(fh, fmt=mode, title="工单", headers=headers, rows=register_rows(n))
    seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    size, peak = path.stat().st_size, peak_mb()
    if mode != "csv":  # the file opens: its first rows, read back by openpyxl
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True).worksheets[0]
        first = next(sheet.iter_rows(min_row=3, max_row=3, max_col=16, values_only=True))
        assert first[0] == "E00000000000" and first[5].startswith("=HYPERLINK"), first
    path.unlink()
    result = {"rows": rows, "s": seconds, "cpu": cpu, "peak_mb": peak, "base_mb": base}
    print(json.dumps({**result, "bytes": size, "load": load_average()}))


def writers() -> None:
    """The writers side by side on WRITER_ROWS generated rows (see the module's docstring)."""
    print(f"{WRITER_ROWS} generated register rows, each writer in a fresh process")
    print(load_average())
    made = time.process_time()
    for _row in register_rows(WRITER_ROWS):
        pass
    print(f"making the rows alone (in every figure below): {time.process_time() - made:.1f} s CPU")
    results = {}
    for mode, label in (
        ("xlsx", "core.xlsxstream via stream_table, .xlsx"),
        ("csv", "stream_table, CSV"),
        ("openpyxl", "openpyxl write-only (before), .xlsx"),
    ):
        out = subprocess.run(
            [sys.executable, __file__, "--writer", mode, str(WRITER_ROWS)],
            check=True,
            capture_output=True,
            text=True,
            env=os.environ.copy(),
        )
        r = results[mode] = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{label}: {r['rows']} rows in {r['s']:.1f} s = {r['rows'] / r['s']:,.0f} rows/s, "
            f"CPU {r['cpu']:.1f} s ({r['cpu'] / r['rows'] * 1e6:.1f} µs a row); peak memory "
            f"{r['peak_mb']:.0f} MB (before writing: {r['base_mb']:.0f} MB); file "
            f"{r['bytes'] / 1e6:.0f} MB; {r['load']} at its end"
        )
    old, new, csv = results["openpyxl"], results["xlsx"], results["csv"]
    print(
        f"ratio openpyxl write-only : xlsxstream = {old['s'] / new['s']:.2f}x the time, "
        f"{old['cpu'] / new['cpu']:.2f}x the CPU; xlsxstream : CSV = "
        f"{new['cpu'] / csv['cpu']:.2f}x the CPU"
    )


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5]))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--writer":
        writer_child(sys.argv[2], int(sys.argv[3]))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--writers":
        writers()
        return
    print(load_average())
    user_id = reused() if os.environ.get("BENCH_EXPORT_REUSE") == "1" else None
    if user_id is None:
        try:
            fresh_database(DB)
        except Exception as exc:  # no PostgreSQL here: say so, do not pretend
            print(f"the export benchmark needs PostgreSQL: {exc}")
            return
        setup_django(bench_url(DB), migrate=True)
        user_id = make_data()
    if os.environ.get("BENCH_EXPORT_SMALL", "1") != "0":
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
    before = None
    if os.environ.get("BENCH_EXPORT_BEFORE", "1") != "0":
        before = run_child("before", user_id, "csv")
        show("before: the previous job path, csv, all", before)
    new = run_child("job", user_id, "csv")
    show("now: background job, csv, all", new)
    if before is not None:
        print(
            f"ratio before : now = {before['s'] / new['s']:.2f}x the time, "
            f"{before['cpu'] / new['cpu']:.2f}x the CPU of the exporting process"
        )
    verdict = "within" if new["s"] < GOAL_S and new["peak_mb"] < GOAL_MB else "NOT within"
    print(f"  {verdict} the goal (< {GOAL_S} s, < {GOAL_MB} MB) for {new['rows']} rows")
    if XLSX_ROWS:
        xlsx = run_child("job", user_id, "xlsx", min(XLSX_ROWS, ROWS))
        show("now: background job, xlsx (core.xlsxstream)", xlsx)


if __name__ == "__main__":
    main()

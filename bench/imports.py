"""Bulk import benchmark: 100,000 opinion-box rows from .csv and from .xlsx, checked and
imported in chunks as the background task does, on a fresh SQLite database (or DATABASE_URL).

    make bench
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lianxin.settings")
data_dir = Path(os.environ.setdefault("LIANXIN_DATA_DIR", str(ROOT / "data" / "bench-import")))
if "DATABASE_URL" not in os.environ and data_dir.exists():
    shutil.rmtree(data_dir)
data_dir.mkdir(parents=True, exist_ok=True)
ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "100000"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from lianxin.cases.models import Case, Category  # noqa: E402
from lianxin.core.actor import Actor  # noqa: E402
from lianxin.intake import imports  # noqa: E402
from lianxin.org import actions  # noqa: E402


def rows(prefix: str):
    for i in range(ROWS):
        yield [
            f"{prefix}-{i}",
            f"2026-{1 + i % 10:02d}-{1 + i % 28:02d} 09:30",
            "建议",
            "路面病害",
            f"第{i}号意见：建议修补青山路坑槽",
            "青山镇",
            "",
            "",
            "",
            "",
        ]


def run(name: str, data: bytes, root) -> None:
    t0 = time.perf_counter()
    parsed = imports.parse(root=root, name=name, data=data)
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    made = 0
    for start in range(0, len(parsed.rows), imports.CHUNK):
        made += imports.import_chunk(
            root=root, channel="opinion_box", rows=parsed.rows[start : start + imports.CHUNK]
        )
    t_import = time.perf_counter() - t0
    total = t_parse + t_import
    print(
        f"{name}: {len(parsed.rows)} rows checked in {t_parse:.1f} s, {made} cases written in "
        f"{t_import:.1f} s; {total:.1f} s in all = {made / total:.0f} rows/s"
    )


def main():
    call_command("migrate", verbosity=0)
    root = actions.unit_create(
        name="导入基准段", kind="organ", parent=None, code="imp", actor=Actor.system()
    )
    Category.objects.create(root=root, name="路面病害")
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(imports.HEADERS)
    writer.writerows(rows("csv"))
    run("bench.csv", text.getvalue().encode("utf-8"), root)
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(imports.HEADERS)
    for row in rows("xlsx"):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    run("bench.xlsx", out.getvalue(), root)
    print(f"cases in the database: {Case.objects.count()}")


if __name__ == "__main__":
    main()

"""Fuzz the JSON API: at least 10,000 generated calls (schemathesis), 0 server errors.

    .venv/bin/python bench/fuzz_api.py            # SQLite in data/bench-fuzz (made afresh)
    FUZZ_CALLS=20000 .venv/bin/python bench/fuzz_api.py
    DATABASE_URL=postgres://.../an_empty_db .venv/bin/python bench/fuzz_api.py

The demo organisation is loaded (`lianxin demo`, every row through the actions); bearer
tokens are made with `lianxin token` for the administrator (wangfang), the inspector
(malijuan), the dispatcher (chenjing) and a station's handler (yangfan). Each pass walks every
operation of /api/v1/openapi.json in process (WSGI, no server) with valid and invalid data,
with path parameters of rows that exist, and without a token; passes repeat with new
deterministic seeds until the number of calls is reached. Prints calls and errors (a 5xx, a
body not matching the schema, a wrong content type) per operation; exits 1 on any error.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = Path(os.environ.get("LIANXIN_DATA_DIR", ROOT / "data" / "bench-fuzz"))
TARGET = int(os.environ.get("FUZZ_CALLS", "10000"))
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
USERS = ["wangfang", "malijuan", "chenjing", "yangfan"]


def setup() -> None:
    if "DATABASE_URL" not in os.environ:
        shutil.rmtree(DATA, ignore_errors=True)
    DATA.mkdir(parents=True, exist_ok=True)
    os.environ["LIANXIN_DATA_DIR"] = str(DATA)
    os.environ["DJANGO_SETTINGS_MODULE"] = "lianxin.settings"
    # Background work runs inline; SMS stay in memory (the log must not fill with them).
    os.environ["LIANXIN_TASKS"] = "immediate"
    os.environ["LIANXIN_SMS_BACKEND"] = "lianxin.core.notify.MemorySmsBackend"
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("demo", stdout=io.StringIO())


def token(username: str) -> str:
    from django.core.management import call_command

    out = io.StringIO()
    call_command("token", username, "--name", "fuzz", stdout=out)
    return out.getvalue().strip()


def known_rows() -> dict[str, list[dict]]:
    """Path parameters of rows that exist, per operation path."""
    from lianxin.cases.models import Case
    from lianxin.catalog.models import ServiceRequest
    from lianxin.discipline.models import Report
    from lianxin.liaison.models import Visit
    from lianxin.org.models import Unit
    from lianxin.partywork.models import Guidance

    cases = []
    for status in ("received", "dispatched", "in_progress", "replied", "closed", "merged"):
        case = Case.objects.filter(status=status).order_by("pk").first()
        if case:
            cases.append({"code": case.code})
    step_names = ("dispatch", "accept", "reply", "callback", "request_extension", "merge", "return")
    case_codes = [{"code": c["code"]} for c in cases[:4]]
    units = [{"unit_id": pk} for pk in Unit.objects.order_by("pk").values_list("pk", flat=True)[:3]]
    req = ServiceRequest.objects.order_by("pk").first()
    report = Report.objects.order_by("pk").first()
    visit = Visit.objects.order_by("pk").first()
    guidance = Guidance.objects.order_by("pk").first()
    station = Unit.objects.filter(kind="station").order_by("pk").first()
    month = {"unit_id": station.pk, "month": "2026-11"} if station else None
    known = {
        "/api/v1/cases/{code}": cases,
        "/api/v1/cases/{code}/contact": cases[:2],
        "/api/v1/cases/{code}/files/{pk}": cases[:2],
        **{f"/api/v1/cases/{{code}}/steps/{name}": case_codes for name in step_names},
        "/api/v1/org/units/{unit_id}/people": units,
        "/api/v1/partywork/units/{unit_id}/plans/{month}": [month] if month else [],
        "/api/v1/partywork/units/{unit_id}/reports/{month}": [month] if month else [],
        "/api/v1/catalog/requests/{code}": [{"code": req.code}] if req else [],
        "/api/v1/discipline/reports/{pk}": [{"pk": report.pk}] if report else [],
        "/api/v1/discipline/reports/{pk}/accept": [{"pk": report.pk}] if report else [],
        "/api/v1/liaison/visits/{pk}": [{"pk": visit.pk}] if visit else [],
    }
    if guidance and station:
        known["/api/v1/partywork/guidance/{pk}/receipts/{unit_id}"] = [
            {"pk": guidance.pk, "unit_id": station.pk}
        ]
    return known


def main() -> int:
    started = time.perf_counter()
    setup()
    from lianxin.api.tests.fuzzing import Tally, fuzz, load_schema

    tokens = {u: token(u) for u in USERS}
    schema = load_schema()
    # 4xx answers are the point of the exercise; a 5xx still logs its traceback (ERROR).
    # (After load_schema: importing the WSGI application configures logging again.)
    for name in ("django.request", "django.security"):
        logging.getLogger(name).setLevel(logging.ERROR)
    print(f"set up (migrate, demo, {len(tokens)} tokens) in {time.perf_counter() - started:.0f}s")
    tally = Tally()
    fuzz_started = time.perf_counter()
    passes = 0
    while tally.total < TARGET:
        user = USERS[passes % len(USERS)]
        fuzz(
            schema,
            token=tokens[user],
            examples=EXAMPLES,
            run_seed=passes,
            known=known_rows(),
            tally=tally,
        )
        passes += 1
        print(f"pass {passes} as {user}: {tally.total} calls, {tally.total_errors} errors")
    elapsed = time.perf_counter() - fuzz_started
    print()
    print(tally.report())
    print(
        f"\n{tally.total} generated calls in {passes} passes, {elapsed:.0f}s "
        f"({tally.total / elapsed:.0f} calls/s), server errors and schema violations: "
        f"{tally.total_errors}"
    )
    for line in tally.failures:
        print("FAIL", line)
    return 1 if tally.total_errors else 0


if __name__ == "__main__":
    sys.exit(main())

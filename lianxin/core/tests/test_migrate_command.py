"""`lianxin migrate` builds a new database from zero on the suite's engine, search indexes
included. (The suite itself makes its test database from the models, conftest.django_db_setup;
this test is what keeps the migrations honest.)"""

import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[3]
LIANXIN = str(Path(sys.executable).parent / "lianxin")


def _lianxin(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [LIANXIN, *args], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env
    )


def _clean_env(tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "LIANXIN_TEST_NOW")}
    env["LIANXIN_DATA_DIR"] = str(tmp_path)
    env["DJANGO_SETTINGS_MODULE"] = "lianxin.settings"
    return env


def test_migrate_builds_a_new_database_from_zero_with_its_search_indexes(tmp_path):
    env = _clean_env(tmp_path)
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        _migrate_a_new_postgresql_database(env)
    else:
        _migrate_a_new_sqlite_database(env, tmp_path)


def _migrate(env: dict) -> None:
    """Every migration applied, none left unapplied (one process: Django starts once)."""
    script = (
        "from django.core.management import call_command as c; "
        "c('migrate', interactive=False, verbosity=0); c('migrate', check_unapplied=True)"
    )
    done = _lianxin("shell", "--command", script, env=env)
    assert done.returncode == 0, done.stdout + done.stderr


def _migrate_a_new_sqlite_database(env: dict, folder: Path) -> None:
    _migrate(env)
    with sqlite3.connect(folder / "lianxin.sqlite3") as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert {"cases_case", "cases_case_fts"} <= tables


def _migrate_a_new_postgresql_database(env: dict) -> None:
    import psycopg

    db = settings.DATABASES["default"]
    name = f"lx_migrate_{uuid.uuid4().hex[:12]}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    server = f"postgres://{auth}@{db['HOST']}:{db['PORT'] or 5432}"
    admin = psycopg.connect(f"{server}/postgres", autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        env["DATABASE_URL"] = f"{server}/{name}"
        _migrate(env)
        with psycopg.connect(env["DATABASE_URL"]) as conn:
            indexes = {r[0] for r in conn.execute("SELECT indexname FROM pg_indexes")}
        assert {"case_search_trgm", "case_search_bigram"} <= indexes
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

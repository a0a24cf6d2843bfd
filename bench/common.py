"""What the PostgreSQL benchmarks share: the server (PG_URL), a fresh database of their own
on it, the arguments of PostgreSQL's command-line tools, and Django set up on that
database.

    from common import BASE_URL, ROOT, bench_url, fresh_database, setup_django

    fresh_database("lianxin_bench_exports")       # dropped (even if in use) and made anew
    setup_django(bench_url("lianxin_bench_exports"), migrate=True)

A benchmark run as `python bench/<name>.py` finds this module beside it (the script's
folder is first on sys.path); importing it also puts the project root on sys.path.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BASE_URL = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432/test")


def bench_url(name: str, base: str = BASE_URL) -> str:
    """The URL of the database `name` on the server of `base` (PG_URL by default)."""
    return base.rsplit("/", 1)[0] + "/" + name


def pg_args(url: str = BASE_URL) -> list[str]:
    """-h, -p and -U for psql, createdb, dropdb and pg_dump from a database URL."""
    import dj_database_url

    db = dj_database_url.parse(url)
    args = []
    if db.get("HOST"):
        args += ["-h", str(db["HOST"])]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    if db.get("USER"):
        args += ["-U", str(db["USER"])]
    return args


def fresh_database(name: str, base: str = BASE_URL) -> None:
    """Drop the database `name` (closing its connections) and make it empty again. Raises
    when the server cannot be reached: the caller says so and stops."""
    if not name.replace("_", "").isalnum():
        raise ValueError(f"not a plain database name: {name!r}")
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def fresh_database_cli(name: str, base: str = BASE_URL) -> None:
    """The same with dropdb and createdb (for a benchmark that has no psycopg at hand)."""
    subprocess.run(["dropdb", "--if-exists", "--force", *pg_args(base), name], check=True)
    subprocess.run(["createdb", *pg_args(base), name], check=True)


def setup_django(url: str, *, migrate: bool = True, **env: str):
    """Point Django at `url` (and LIANXIN_DATA_DIR at data/bench unless set), set any other
    environment given (`LIANXIN_TASKS="db"`), `django.setup()`, and migrate if asked."""
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("LIANXIN_DATA_DIR", str(ROOT / "data" / "bench"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "lianxin.settings"
    os.environ.update(env)
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)


def peak_mb() -> float:
    """This process's peak resident memory so far (Linux reports ru_maxrss in KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_average() -> str:
    """The machine's load average, printed beside the figures (a shared machine)."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"

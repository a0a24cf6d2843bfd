"""Rate limits on public posts that hold across processes (a row per key and window).

The client address (lianxin/core/clientip.py: behind trusted proxies, the address they
forwarded) is kept only as a keyed hash inside the key, never in clear.

One hit is one statement: INSERT ... ON CONFLICT DO UPDATE ... RETURNING, which starts a new
window or adds one to the current one and returns the count in the same step, so that any
number of simultaneous requests on any number of processes let exactly `limit` through
(PostgreSQL and SQLite both run it; tests/test_ratelimit.py races threads on both).
"""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.utils.crypto import salted_hmac

from . import clock
from .clientip import client_ip
from .models import RateCounter


def client_key(request) -> str:
    return salted_hmac("lianxin.ratelimit", client_ip(request)).hexdigest()[:24]


def _hit_sql() -> str:
    q = connection.ops.quote_name
    t, key, start, count = q(RateCounter._meta.db_table), q("key"), q("window_start"), q("count")
    return (
        f"INSERT INTO {t} ({key}, {start}, {count}) VALUES (%s, %s, 1) "
        f"ON CONFLICT ({key}) DO UPDATE SET "
        f"{count} = CASE WHEN {t}.{start} > %s THEN {t}.{count} + 1 ELSE 1 END, "
        f"{start} = CASE WHEN {t}.{start} > %s THEN {t}.{start} ELSE excluded.{start} END "
        f"RETURNING {count}"
    )


def hit(scope: str, who: str, *, limit: int, window: timedelta, at=None) -> bool:
    """Count one hit; False when the key already had `limit` hits in this window. `at`
    (default now) is the time written on a new counter row: a caller that must not date
    a submission passes a coarser one."""
    key = f"{scope}:{who}"[:100]
    at = at or clock.now()
    since = at - window
    with connection.cursor() as cursor:
        at, since = (connection.ops.adapt_datetimefield_value(v) for v in (at, since))
        cursor.execute(_hit_sql(), [key, at, since, since])
        count = cursor.fetchone()[0]
    return count <= limit


def allowed(request, scope: str, *, limit: int, window: timedelta = timedelta(minutes=10)):
    return hit(scope, client_key(request), limit=limit, window=window)

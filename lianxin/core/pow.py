"""Proof of work for anonymous forms: the page carries a signed challenge; the browser
finds a counter such that SHA-256("<challenge>:<counter>") starts with `bits` zero bits
(static/js/pow.js, about 65,000 hashes for 16 bits: a moment for one person, a real cost for
a script sending thousands); the server checks it in one hash and takes each challenge once.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import connection
from django.utils import timezone

from . import clock
from .models import SpentChallenge

SALT = "lianxin.pow"
MAX_AGE = 2 * 3600


def bits() -> int:
    return int(getattr(settings, "LIANXIN_POW_BITS", 16))


def challenge() -> str:
    return signing.dumps({"n": secrets.token_hex(8), "b": bits()}, salt=SALT)


def _zero_bits(digest: bytes) -> int:
    n = 0
    for byte in digest:
        if byte == 0:
            n += 8
            continue
        return n + 8 - byte.bit_length()
    return n


def solve(token: str) -> str:
    """What the browser does (for tests and scripts of our own)."""
    need = signing.loads(token, salt=SALT)["b"]
    counter = 0
    while _zero_bits(hashlib.sha256(f"{token}:{counter}".encode()).digest()) < need:
        counter += 1
    return str(counter)


def verify(token: str, counter: str) -> bool:
    """A fresh challenge of ours, solved, not used before."""
    try:
        data = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return False
    if not (counter or "").isdigit() or len(counter) > 12:
        return False
    digest = hashlib.sha256(f"{token}:{counter}".encode()).digest()
    if _zero_bits(digest) < max(int(data.get("b", 0)), bits()):
        return False
    return claim(hashlib.sha256(token.encode()).hexdigest())


def claim(digest: str) -> bool:
    """Take a challenge once: one INSERT that does nothing when the digest is there already,
    so of any number of simultaneous submissions exactly one gets the row."""
    today = timezone.localdate(clock.now())
    q = connection.ops.quote_name
    table = q(SpentChallenge._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({q('digest')}, {q('day')}) VALUES (%s, %s) "
            f"ON CONFLICT ({q('digest')}) DO NOTHING",
            [digest, connection.ops.adapt_datefield_value(today)],
        )
        taken = cursor.rowcount == 1
    # Challenges live two hours: rows from before yesterday can go.
    SpentChallenge.objects.filter(day__lt=today - timedelta(days=2)).delete()
    return taken

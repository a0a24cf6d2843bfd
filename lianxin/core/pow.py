"""Proof of work for anonymous forms: the page carries a signed challenge; the browser
finds a counter such that SHA-256("<challenge>:<counter>") starts with `bits` zero bits
(static/js/pow.js, about 65,000 hashes for 16 bits: a moment for one person, a real cost for
a script sending thousands); the server checks it in one hash and takes each challenge once.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

from . import clock, ratelimit

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
    once = hashlib.sha256(token.encode()).hexdigest()[:40]
    # The row that takes the challenge is dated by its day only (anonymous forms must leave
    # no time finer than the day); it lives a day longer than the challenge to make up.
    day = timezone.make_aware(datetime.combine(timezone.localdate(clock.now()), time.min))
    return ratelimit.hit("pow", once, limit=1, window=timedelta(days=1, seconds=MAX_AGE), at=day)

"""Public case codes (date + sequence) and lookup secrets.

The secret is derived from the submission's token with the site key, so a double-clicked
submit shows the same secret for the one case it made; only a keyed digest is stored.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.crypto import salted_hmac

from .models import DayCounter

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
SECRET_LENGTH = 8


def next_code(day: date) -> str:
    """Take the day's next sequence number (inside the caller's transaction)."""
    if not DayCounter.objects.filter(day=day).update(last=F("last") + 1):
        try:
            with transaction.atomic():
                DayCounter.objects.create(day=day, last=1)
        except IntegrityError:
            DayCounter.objects.filter(day=day).update(last=F("last") + 1)
    last = DayCounter.objects.values_list("last", flat=True).get(day=day)
    return f"{day:%Y%m%d}{last:04d}"


def new_token() -> str:
    return secrets.token_hex(16)


def secret_from_token(token: str) -> str:
    raw = salted_hmac("lianxin.cases.secret", token, algorithm="sha256").digest()
    return "".join(ALPHABET[b % len(ALPHABET)] for b in raw[:SECRET_LENGTH])


def _digest(code: str, secret: str, key: str) -> str:
    return salted_hmac(
        "lianxin.cases.lookup", f"{code}:{secret.strip().upper()}", secret=key, algorithm="sha256"
    ).hexdigest()


def secret_digest(code: str, secret: str) -> str:
    return _digest(code, secret, settings.SECRET_KEY)


def secret_matches(code: str, secret: str, digest: str) -> bool:
    keys = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    found = False
    for key in keys:  # no early return: the time taken does not depend on which key matched
        found |= hmac.compare_digest(_digest(code, secret, key), digest)
    return found

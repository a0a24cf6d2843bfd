"""Public case codes (date + sequence), lookup secrets and idempotency keys.

The secret is random (`secrets`), shown once to the one who submitted, and only a keyed
digest of it is stored (decision 010, superseding 003). A submission's token is an
idempotency key and nothing more: it is stored as a keyed digest of (channel, client,
token), so the same token from another client or another channel is a different key and
never finds someone else's case.
"""

from __future__ import annotations

import hmac
import re
import secrets
from datetime import date

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils.crypto import salted_hmac

from .models import DayCounter

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
SECRET_LENGTH = 12  # 31**12, about 2**59: hopeless to guess at any rate a server answers
MAX_TOKEN = 100
_SEPARATORS = re.compile(r"[\s\-]+")


def next_code(day: date) -> str:
    """Take the day's next sequence number (inside the caller's transaction): one
    `UPDATE ... RETURNING` (PostgreSQL, SQLite 3.35+) once the day's counter exists."""
    last = _increment(day)
    if last is None:
        try:
            with transaction.atomic():
                DayCounter.objects.create(day=day, last=1)
            last = 1
        except IntegrityError:
            last = _increment(day)
    return f"{day:%Y%m%d}{last:04d}"


def _increment(day: date) -> int | None:
    table = connection.ops.quote_name(DayCounter._meta.db_table)
    last, column = connection.ops.quote_name("last"), connection.ops.quote_name("day")
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {last} = {last} + 1 WHERE {column} = %s RETURNING {last}",  # noqa: S608
            [day],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def new_token() -> str:
    return secrets.token_hex(16)


def new_secret() -> str:
    """A random lookup secret, written in groups of four (ABCD-EFGH-JKMN)."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(SECRET_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, SECRET_LENGTH, 4))


def normalize_secret(secret: str) -> str:
    """What the citizen typed, without spaces and dashes, in capitals."""
    return _SEPARATORS.sub("", secret or "").upper()


def submit_key(*, channel: str, client: str, token: str) -> str:
    """The stored idempotency key of a submission: the same token only finds the case the
    same client made through the same channel. `client` is set by our code (the portal
    session, the API token's owner, a channel's own namespace), never by the caller."""
    if not client:
        raise ValueError("an idempotency key needs the submitting client")
    message = f"{channel}\x00{client}\x00{token}"
    return salted_hmac("lianxin.cases.submit", message, algorithm="sha256").hexdigest()


def _digest(code: str, secret: str, key: str | bytes) -> str:
    return salted_hmac(
        "lianxin.cases.lookup",
        f"{code}:{normalize_secret(secret)}",
        secret=key,
        algorithm="sha256",
    ).hexdigest()


def secret_digest(code: str, secret: str) -> str:
    return _digest(code, secret, settings.SECRET_KEY)


def secret_matches(code: str, secret: str, digest: str) -> bool:
    keys = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    found = False
    for key in keys:  # no early return: the time taken does not depend on which key matched
        found |= hmac.compare_digest(_digest(code, secret, key), digest)
    return found

"""Bearer tokens for staff scripts and trusted systems (a 12345 hotline platform...).

Every request checks the token in the database (so that a revoked token, a deactivated login
or a withdrawn role grant counts at once in every process): one short statement, written out
once per process, gives the token's row if it is neither revoked nor its login deactivated,
with what access depends on (superuser and staff flags, the session epoch, the person, his
unit and when he was last changed, and his role grants, `org.access.grants_column`).

The login, person and unit objects themselves are read with the token the first time (one
joined query) and kept in the process for `TTL` seconds, together with the check's answer
at that time; while the check answers the same, the request gets copies of them (with the
grants just read). Any change to what the check reads loads them again. What the check does
not read (a login's e-mail, a unit's name) may be `TTL` seconds old in another process.

The person's unit, when it is the root of the organisation, is kept on the request
(`request_root`): no second query for the root.
"""

from __future__ import annotations

import copy
import hashlib
import threading
import time as monotonic_time
from dataclasses import dataclass
from datetime import timedelta

from django.db import connections
from ninja.security import HttpBearer

from lianxin.core import clock
from lianxin.core.models import ApiToken, User
from lianxin.org.access import grants_column, keep_grants
from lianxin.org.models import Person, Unit

TTL = 30.0  # seconds a login's or unit's other fields may be old in another process
LAST_USED_EVERY = timedelta(minutes=5)
_MAX_KEPT = 1000
_SENTINEL = "lianxin-token-digest"  # stands for the digest when the check is written out


@dataclass
class _Kept:
    read_at: float
    answer: tuple  # the check's row when the objects were read
    user: User
    person: Person
    unit: Unit
    last_used_written: float = 0.0  # when this process last noted the token's use


_lock = threading.Lock()
_kept: dict[str, _Kept] = {}
_check_sql: dict[str, tuple[str, list, int]] = {}  # database alias -> (sql, params, index)


def forget() -> None:
    """Drop the kept logins (between tests, whose rolled-back rows must not stay kept)."""
    with _lock:
        _kept.clear()


def _check_query(digest: str):
    return (
        ApiToken.objects.filter(digest=digest, revoked_at=None, user__is_active=True)
        .annotate(grants=grants_column("user__person__id"))
        .values_list(
            "pk",
            "user_id",
            "user__is_superuser",
            "user__is_staff",
            "user__session_epoch",
            "user__person__id",
            "user__person__unit_id",
            "user__person__updated_at",
            "grants",
        )
    )


def _check(digest: str) -> tuple | None:
    """The check's row for this digest, or None: the statement is compiled by Django once
    per process and database, then only sent (compiling it was most of its cost)."""
    alias = ApiToken.objects.db
    written = _check_sql.get(alias)
    if written is None:
        sql, params = _check_query(_SENTINEL).query.get_compiler(alias).as_sql()
        params = list(params)
        written = (sql, params, params.index(_SENTINEL))
        _check_sql[alias] = written
    sql, params, index = written
    params = list(params)
    params[index] = digest
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return None if row is None else tuple(row)


def _load(digest: str) -> ApiToken | None:
    """The token with its login, person and unit, in one joined query."""
    return (
        ApiToken.objects.filter(digest=digest, revoked_at=None, user__is_active=True)
        .select_related("user__person__unit")
        .first()
    )


def _copies(kept: _Kept):
    """Copies of the kept objects, joined to each other (a request may change its own)."""
    user, person, unit = copy.copy(kept.user), copy.copy(kept.person), copy.copy(kept.unit)
    person.unit = unit
    user.person = person
    return user, person


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        digest = hashlib.sha256(token.encode()).hexdigest()
        answer = _check(digest)
        if answer is None:
            return None
        now = monotonic_time.monotonic()
        with _lock:
            kept = _kept.get(digest)
        if kept is None or kept.answer != answer or now - kept.read_at >= TTL:
            row = _load(digest)
            if row is None:  # revoked or deactivated since the check
                return None
            _touch(row.pk, row.last_used_at)
            try:
                person = row.user.person
            except Person.DoesNotExist:  # a login without a person: nothing kept
                request.user = row.user
                return row.user
            kept = _keep(digest, answer, now, row.user, person)
        elif now - kept.last_used_written >= LAST_USED_EVERY.total_seconds():
            _touch(answer[0], None)
            kept.last_used_written = now
        user, person = _copies(kept)
        keep_grants(person, answer[-1])
        request.lianxin_root = person.unit if person.unit.parent_id is None else None
        request.user = user
        return user


def _touch(token_id: int, last_used_at) -> None:
    """Note when the token was used, at most every few minutes."""
    now = clock.now()
    if last_used_at is None or now - last_used_at > LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token_id).update(last_used_at=now)


def _keep(digest: str, answer: tuple, now: float, user, person) -> _Kept:
    kept = _Kept(read_at=now, answer=answer, user=user, person=person, unit=person.unit)
    kept.last_used_written = now
    with _lock:
        if len(_kept) >= _MAX_KEPT:
            _kept.clear()
        _kept[digest] = kept
    return kept


def request_root(request) -> Unit | None:
    """The root unit that TokenAuth read with the token, if it did (else None)."""
    return getattr(request, "lianxin_root", None)

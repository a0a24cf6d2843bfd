"""Bearer tokens for staff scripts and trusted systems (a 12345 hotline platform...).

One lookup per request, always fresh from the database (so that a revoked token, a
deactivated login or a withdrawn role grant counts at once in every process): the token
with its login, person and unit in one joined query. The person's unit, when it is the root
of the organisation, is kept on the request (`request_root`): no second query for the root;
the person's role grants come with it too (a subquery), kept on the person as
`org.access.person_grants` keeps them.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from ninja.security import HttpBearer

from lianxin.core import clock
from lianxin.core.models import ApiToken
from lianxin.org.access import grants_column, keep_grants
from lianxin.org.models import Person, Unit


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        digest = hashlib.sha256(token.encode()).hexdigest()
        row = (
            ApiToken.objects.filter(digest=digest, revoked_at=None, user__is_active=True)
            .select_related("user__person__unit")
            .annotate(grants=grants_column("user__person__id"))
            .first()
        )
        if row is None:
            return None
        now = clock.now()
        if row.last_used_at is None or now - row.last_used_at > timedelta(minutes=5):
            ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
        user = row.user
        try:
            person = user.person
        except Person.DoesNotExist:
            person = None
        if person is not None:
            keep_grants(person, row.grants)
            unit = person.unit
            request.lianxin_root = unit if unit.parent_id is None else None
        request.user = user
        return user


def request_root(request) -> Unit | None:
    """The root unit that TokenAuth read with the token, if it did (else None)."""
    return getattr(request, "lianxin_root", None)

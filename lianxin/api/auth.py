"""Bearer tokens for staff scripts and trusted systems (a 12345 hotline platform...)."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from ninja.security import HttpBearer

from lianxin.core import clock
from lianxin.core.models import ApiToken


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        digest = hashlib.sha256(token.encode()).hexdigest()
        row = (
            ApiToken.objects.filter(digest=digest, revoked_at=None, user__is_active=True)
            .select_related("user")
            .first()
        )
        if row is None:
            return None
        now = clock.now()
        if row.last_used_at is None or now - row.last_used_at > timedelta(minutes=5):
            ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
        request.user = row.user
        return row.user

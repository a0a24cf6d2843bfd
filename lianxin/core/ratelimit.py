"""Rate limits on public posts that hold across processes (a row per key and window).

The client address is kept only as a keyed hash inside the key, never in clear.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.crypto import salted_hmac

from . import clock
from .models import RateCounter


def client_key(request) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    return salted_hmac("lianxin.ratelimit", address).hexdigest()[:24]


def hit(scope: str, who: str, *, limit: int, window: timedelta, at=None) -> bool:
    """Count one hit; False when the key already had `limit` hits in this window. `at`
    (default now) is the time written on a new counter row: a caller that must not date
    a submission passes a coarser one."""
    key = f"{scope}:{who}"[:100]
    at = at or clock.now()
    with transaction.atomic():
        updated = RateCounter.objects.filter(key=key, window_start__gt=at - window).update(
            count=F("count") + 1
        )
        if not updated:
            try:
                with transaction.atomic():
                    RateCounter.objects.update_or_create(
                        key=key, defaults={"window_start": at, "count": 1}
                    )
            except IntegrityError:  # another process made it first
                RateCounter.objects.filter(key=key).update(count=F("count") + 1)
        count = RateCounter.objects.filter(key=key).values_list("count", flat=True).first()
    return (count or 0) <= limit


def allowed(request, scope: str, *, limit: int, window: timedelta = timedelta(minutes=10)):
    return hit(scope, client_key(request), limit=limit, window=window)

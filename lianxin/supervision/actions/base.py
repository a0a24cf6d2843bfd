"""What the supervision actions share."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from lianxin.core import clock
from lianxin.org.access import person_of
from lianxin.org.models import Person


def today() -> date:
    return timezone.localdate(clock.now())


def me(actor) -> Person:
    person = person_of(actor)
    if person is None:
        raise PermissionDenied
    return person

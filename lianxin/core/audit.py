"""The audit event that every action writes inside its transaction."""

from __future__ import annotations

from typing import Any

from django.db import models

from .actor import login_of
from .models import AuditEvent


def snapshot(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    """A JSON-safe summary of the named fields of obj (foreign keys by id)."""
    out: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if not isinstance(field, models.Field):  # a reverse relation has no column to keep
            raise ValueError(f"snapshot: {name} is not a field of {obj._meta.label}")
        value = getattr(obj, field.attname)
        if value is not None and not isinstance(value, (str, int, float, bool, list, dict)):
            value = str(value)
        out[name] = value
    return out


def record_event(
    *,
    actor,
    action: str,
    obj: models.Model,
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEvent:
    if actor is None:  # who acts is always known: a login, the citizen or the system
        raise TypeError("record_event needs an actor (core.actor)")
    return AuditEvent.objects.create(
        actor=login_of(actor),
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        before=before,
        after=after,
    )

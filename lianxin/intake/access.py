"""Who reads what through the intake channels: an Open311 caller with or without an api_key."""

from __future__ import annotations

from django.db.models import QuerySet

from lianxin.cases.models import Case, Kind
from lianxin.cases.queries import board
from lianxin.org.models import Unit

from .models import Open311Client


def open311_client(key: str, root: Unit | None = None) -> Open311Client | None:
    """The Open311 client whose api_key this is (not revoked; of `root` when given)."""
    from .actions import key_digest

    clients = Open311Client.objects.filter(key_digest=key_digest(key), revoked_at=None)
    if root is not None:
        clients = clients.filter(root=root)
    return clients.select_related("root").first()


def open311_readable(root: Unit, client: Open311Client | None) -> QuerySet[Case]:
    """The cases an Open311 caller may read: the public board's for the public, the
    organisation's (internal problems excepted) for a client with an api_key."""
    qs = Case.objects.filter(root=root) if client is not None else board().filter(root=root)
    return qs.exclude(kind=Kind.PROBLEM).select_related("category", "lead_unit", "merged_into")

"""Who sees a dispute: its mediator, staff with a role on its unit or above, and the people
who govern them. The parties' contact details are for the mediator and the unit's leaders
only. Anyone else: 404."""

from __future__ import annotations

from django.http import Http404

from lianxin.org.access import has_role_over, person_grants, person_of
from lianxin.org.models import Role

from .models import Dispute

LEADING = (Role.LEADER, Role.ADMIN)


def is_mediator(user, dispute: Dispute) -> bool:
    me = person_of(user)
    return bool(me and me.pk == dispute.mediator_id)


def leads(user, dispute: Dispute) -> bool:
    return has_role_over(user, dispute.unit, LEADING)


def sees(user, dispute: Dispute) -> bool:
    if is_mediator(user, dispute) or leads(user, dispute):
        return True
    me = person_of(user)
    # staff of the dispute's own unit read it (the organ's staff through their leaders)
    return bool(me and me.unit_id == dispute.unit_id)


def sees_contacts(user, dispute: Dispute) -> bool:
    return is_mediator(user, dispute) or leads(user, dispute)


def access_dispute(user, pk) -> Dispute:
    dispute = Dispute.objects.filter(pk=pk).select_related("unit", "mediator", "case").first()
    if dispute is None or not sees(user, dispute):
        raise Http404
    return dispute


def disputes_seen(user, root) -> list[Dispute]:
    """The organisation's disputes this user sees (the same rule as `sees`), newest first."""
    rows = (
        Dispute.objects.filter(unit__path__startswith=root.path)
        .select_related("unit", "mediator", "case")
        .order_by("-created_at")
    )
    if getattr(user, "is_superuser", False):
        return list(rows)
    me = person_of(user)
    if me is None:
        return []
    # `sees` row by row, from the grants read once (not a query per dispute)
    leading = [path for role, path in person_grants(me) if role in LEADING]
    return [
        d
        for d in rows
        if d.mediator_id == me.pk
        or me.unit_id == d.unit_id
        or any(d.unit.path.startswith(path) for path in leading)
    ]

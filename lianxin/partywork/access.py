"""Who sees and does which party work.

- The organ's party-building office (the unit named in `PartyOffice`, every person with a
  role on it) and the organ's party secretary and leader see everything of the
  organisation, issue guidance, review plans and reports.
- A station's party secretary drafts its plan and report, confirms receipts, records study.
- Everyone with a role on a unit (or on a unit above it) reads that unit's party work.
- Anyone else: 404, never a hint that the record exists.
"""

from __future__ import annotations

from django.http import Http404

from lianxin.org.access import grants_of
from lianxin.org.models import Role, Unit

from .models import Guidance, PartyOffice, Receipt, StudySession


def office_unit(root: Unit) -> Unit | None:
    office = PartyOffice.objects.filter(root=root).select_related("unit").first()
    return office.unit if office else None


def is_office(user, root: Unit) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    office = office_unit(root)
    for role, path in grants_of(user):
        if office is not None and path == office.path:
            return True
        if path == root.path and role in (Role.SECRETARY, Role.LEADER):
            return True
    return False


def is_secretary_of(user, unit: Unit) -> bool:
    return any(r == Role.SECRETARY and p == unit.path for r, p in grants_of(user))


def sees_unit(user, unit: Unit) -> bool:
    root = Unit.objects.get(pk=unit.root_id) if unit.parent_id else unit
    if is_office(user, root):
        return True
    return any(unit.path.startswith(path) for _r, path in grants_of(user))


def access_unit(user, unit_id) -> Unit:
    unit = Unit.objects.filter(pk=unit_id).first()
    if unit is None or not sees_unit(user, unit):
        raise Http404
    return unit


def visible_units(user, root: Unit):
    """The stations whose party work the user reads."""
    stations = Unit.objects.filter(path__startswith=root.path, kind=Unit.Kind.STATION)
    if is_office(user, root):
        return stations.order_by("sort_order", "path")
    paths = [p for _r, p in grants_of(user)]
    return [
        u
        for u in stations.order_by("sort_order", "path")
        if any(u.path.startswith(p) for p in paths)
    ]


def is_office_over(user, unit: Unit) -> bool:
    """Whether the user is the party-building office of the unit's organisation."""
    return is_office(user, unit if unit.parent_id is None else Unit.objects.get(pk=unit.root_id))


def access_guidance(user, pk: int) -> tuple[Guidance, bool, list[Receipt]]:
    """A guidance, whether the user is its issuing office, and the receipts he sees: the
    office sees every receipt, others those of the units they see (none: 404)."""
    from . import queries

    guidance = Guidance.objects.filter(pk=pk).select_related("root", "issued_by").first()
    if guidance is None:
        raise Http404
    office = is_office(user, guidance.root)
    receipts = list(queries.receipts_of(guidance))
    if not office:
        paths = [p for _r, p in grants_of(user)]
        receipts = [r for r in receipts if any(r.unit.path.startswith(p) for p in paths)]
        if not receipts:
            raise Http404
    return guidance, office, receipts


def access_receipt(user, pk: int, unit_id: int) -> tuple[Guidance, Unit]:
    """A guidance sent to a unit the user sees, and that unit (whose receipt he confirms), or
    404."""
    guidance = Guidance.objects.filter(pk=pk).first()
    if guidance is None:
        raise Http404
    unit = access_unit(user, unit_id)
    if not guidance.receipts.filter(unit=unit).exists():
        raise Http404
    return guidance, unit


def access_session(user, pk: int) -> StudySession:
    """A study session of a unit the user sees, or 404."""
    session = StudySession.objects.filter(pk=pk).select_related("unit").first()
    if session is None or not sees_unit(user, session.unit):
        raise Http404
    return session

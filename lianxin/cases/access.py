"""Who sees which case and in which role.

A staff member's roles on a case come from his role grants:
- operator, dispatcher, supervisor granted on the organisation's root (or any unit of it
  for operators) act on every case of that organisation;
- handler on the lead unit (or being the assigned handler); leader on the lead unit or a
  unit above it (so the organ's leader leads everything);
- handler or leader on a co-unit: co_unit; administrators, inspectors and secretaries on
  or above the lead unit: viewer; the person who raised an internal problem: issuer.
Anyone with no role on the case gets a 404, exactly as for a code that does not exist.

The citizen's full name and phone are for the operator, the dispatcher and the assigned
handler; everyone else sees them masked.
"""

from __future__ import annotations

from django.http import Http404

from lianxin.org.access import person_of
from lianxin.org.models import Role, RoleGrant, Unit

from . import workflow as wf
from .models import Case

ORG_WIDE = {
    Role.OPERATOR: wf.OPERATOR,
    Role.DISPATCHER: wf.DISPATCHER,
    Role.SUPERVISOR: wf.SUPERVISOR,
}


def grants_of(user) -> list[tuple[str, str]]:
    """(role, unit path) of every grant of the user, cached on the person (one query)."""
    person = person_of(user)
    if person is None:
        return []
    if not hasattr(person, "_case_grants"):
        person._case_grants = list(
            RoleGrant.objects.filter(person=person).values_list("role", "unit__path")
        )
    return person._case_grants


def _under(path: str, unit_path: str) -> bool:
    """Whether the unit at `path` is the unit at `unit_path` or below it (paths end in ".")."""
    return path.startswith(unit_path)


def case_roles(user, case: Case, *, co_paths: list[str] | None = None) -> frozenset[str]:
    roles = _case_roles(user, case, co_paths=co_paths)
    if case.status == wf.T:
        # transferred to the discipline office: its handlers lose sight of it
        return roles & TRANSFERRED_SEEN
    return roles


TRANSFERRED_SEEN = frozenset({wf.CITIZEN, wf.SYSTEM, wf.DISPATCHER, wf.SUPERVISOR})


def _case_roles(user, case: Case, *, co_paths: list[str] | None = None) -> frozenset[str]:
    if user == wf.CITIZEN:
        return frozenset({wf.CITIZEN})
    if user == wf.SYSTEM:
        return frozenset({wf.SYSTEM})
    if getattr(user, "is_superuser", False):
        return wf.STAFF_ROLES - {wf.ISSUER, wf.CO_UNIT}
    person = person_of(user)
    if person is None:
        return frozenset()
    root_path = case.root.path
    lead_path = case.lead_unit.path if case.lead_unit_id else None
    if co_paths is None:
        co_paths = [u.path for u in case.co_units.all()]
    roles: set[str] = set()
    for role, path in grants_of(user):
        if not _under(path, root_path):
            continue
        if role in ORG_WIDE and (path == root_path or role == Role.OPERATOR):
            roles.add(ORG_WIDE[role])
        if role == Role.LEADER and lead_path and _under(lead_path, path):
            roles.add(wf.UNIT_LEADER)
            if lead_path != path:
                roles.add(wf.UPPER_LEADER)
        if path == root_path:
            roles.add(wf.VIEWER)
        if role == Role.HANDLER and lead_path == path:
            roles.add(wf.HANDLER)
        if role in (Role.HANDLER, Role.LEADER) and any(_under(c, path) for c in co_paths):
            roles.add(wf.CO_UNIT)
        if role in (Role.ADMIN, Role.INSPECTOR, Role.SECRETARY) and (
            path == root_path or (lead_path and _under(lead_path, path))
        ):
            roles.add(wf.VIEWER)
    if case.handler_id and case.handler_id == person.pk and case.lead_unit_id:
        roles.add(wf.HANDLER)
    if case.issuer_id and case.issuer_id == person.pk:
        roles.add(wf.ISSUER)
    return frozenset(roles)


def access_case(user, code: str, *, lock: bool = False) -> tuple[Case, frozenset[str]]:
    """The case and the user's roles on it, or 404."""
    qs = Case.objects.select_related("root", "lead_unit", "handler", "category", "issuer")
    case = qs.filter(code=code).first()
    if case is None:
        raise Http404
    roles = case_roles(user, case)
    if not roles:
        raise Http404
    return case, roles


def sees_contact(user, case: Case, roles) -> bool:
    """Whether the citizen's full name and phone may be shown to this user."""
    if wf.OPERATOR in roles or wf.DISPATCHER in roles:
        return True
    person = person_of(user)
    return bool(person and case.handler_id == person.pk)


def visible_filter(user, root: Unit):
    """A Q that limits a case queryset to the cases the user has a role on."""
    from django.db.models import Q

    if getattr(user, "is_superuser", False):
        return Q(root=root)
    person = person_of(user)
    if person is None:
        return Q(pk__in=[])
    sees_transferred = any(
        role in (Role.DISPATCHER, Role.SUPERVISOR) and path == root.path
        for role, path in grants_of(user)
    )
    q = _visible(user, root, person)
    return q if sees_transferred else q & ~Q(status=wf.T)


def _visible(user, root: Unit, person):
    from django.db.models import Q

    q = Q(pk__in=[])
    for role, path in grants_of(user):
        if not _under(path, root.path):
            continue
        if role == Role.OPERATOR or path == root.path:
            return Q(root=root)
        if role not in (Role.LEADER, Role.ADMIN, Role.INSPECTOR, Role.SECRETARY, Role.HANDLER):
            continue
        unit_q = Q(unit__path=path) if role == Role.HANDLER else Q(unit__path__startswith=path)
        lead_q = Q(lead_unit__path=path)
        if role != Role.HANDLER:
            lead_q = Q(lead_unit__path__startswith=path)
        co_ids = Case.co_units.through.objects.filter(unit_q).values("case_id")
        q |= lead_q | Q(pk__in=co_ids)
    q |= Q(handler=person) | Q(issuer=person)
    return Q(root=root) & q


def roles_over(user, role: str) -> list[str]:
    return [path for r, path in grants_of(user) if r == role]

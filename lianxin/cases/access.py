"""Who sees which case and in which role.

A staff member's roles on a case come from his role grants:
- operator, dispatcher, supervisor granted on the organisation's root (or any unit of it
  for operators) act on every case of that organisation;
- handler on the lead unit (or being the assigned handler); leader on the lead unit or a
  unit above it (so the organ's leader leads everything);
- handler on a co-unit, or leader on or above it: co_unit (a secretary, administrator or
  inspector of a co-unit only is not reached); administrators, inspectors and secretaries on
  or above the lead unit: viewer; the person who raised an internal problem: issuer.
One table (REACH) decides both one case's roles and the lists, so they always agree.
Anyone with no role on the case gets a 404, exactly as for a code that does not exist.

The citizen's full name and phone are for the operator, the dispatcher and the assigned
handler; everyone else sees them masked.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.http import Http404

from lianxin.core import clock
from lianxin.core.actor import as_actor
from lianxin.org.access import grants_of, person_of
from lianxin.org.models import Role, Unit

from . import codes
from . import workflow as wf
from .models import Case, ReplyTemplate

ORG_WIDE: dict[str, str] = {
    Role.OPERATOR: wf.OPERATOR,
    Role.DISPATCHER: wf.DISPATCHER,
    Role.SUPERVISOR: wf.SUPERVISOR,
}


def _under(path: str, unit_path: str) -> bool:
    """Whether the unit at `path` is the unit at `unit_path` or below it (paths end in ".")."""
    return path.startswith(unit_path)


# The one rule of who reaches which case, read by `case_roles` (one case) and by
# `visible_filter` (the lists), so that a list never shows a case its reader cannot open.
# A grant (role, unit) reaches a case through its lead unit and through its co-units:
# role -> ((case role via the lead unit, match), (case role via a co-unit, match) or None),
# where "exact" means the granted unit itself and "under" that unit or any unit below it.
EXACT, UNDER = "exact", "under"
REACH: dict[str, tuple[tuple[str, str], tuple[str, str] | None]] = {
    Role.LEADER: ((wf.UNIT_LEADER, UNDER), (wf.CO_UNIT, UNDER)),
    Role.HANDLER: ((wf.HANDLER, EXACT), (wf.CO_UNIT, EXACT)),
    Role.ADMIN: ((wf.VIEWER, UNDER), None),
    Role.INSPECTOR: ((wf.VIEWER, UNDER), None),
    Role.SECRETARY: ((wf.VIEWER, UNDER), None),
}


def _org_wide(role: str, path: str, root_path: str) -> set[str]:
    """The case roles a grant gives on every case of the organisation."""
    roles = set()
    if role in ORG_WIDE and (path == root_path or role == Role.OPERATOR):
        roles.add(ORG_WIDE[role])
    if path == root_path:
        roles.add(wf.VIEWER)
    return roles


def _matches(unit_path: str, grant_path: str, how: str) -> bool:
    return unit_path == grant_path if how == EXACT else _under(unit_path, grant_path)


def _path_q(field: str, grant_path: str, how: str):
    from django.db.models import Q

    return Q(**{field: grant_path}) if how == EXACT else Q(**{f"{field}__startswith": grant_path})


def case_roles(user, case: Case, *, co_paths: list[str] | None = None) -> frozenset[str]:
    roles = _case_roles(user, case, co_paths=co_paths)
    if case.status == wf.T:
        # transferred to the discipline office: its handlers lose sight of it
        return roles & TRANSFERRED_SEEN
    return roles


TRANSFERRED_SEEN = frozenset({wf.CITIZEN, wf.SYSTEM, wf.DISPATCHER, wf.SUPERVISOR})


def _case_roles(user, case: Case, *, co_paths: list[str] | None = None) -> frozenset[str]:
    actor = as_actor(user)  # None is refused: no role is ever given to "nobody"
    if actor.is_citizen:
        return frozenset({wf.CITIZEN})
    if actor.is_system:
        return frozenset({wf.SYSTEM})
    user = actor.login
    if getattr(user, "is_superuser", False):
        return wf.STAFF_ROLES - {wf.ISSUER, wf.CO_UNIT}
    person = person_of(user)
    if person is None:
        return frozenset()
    root_path = case.root.path
    lead_path = case.lead_unit.path if case.lead_unit is not None else None
    if co_paths is None:
        co_paths = [u.path for u in case.co_units.all()]
    roles: set[str] = set()
    for role, path in grants_of(user):
        if not _under(path, root_path):
            continue
        roles |= _org_wide(role, path, root_path)
        if role == Role.LEADER and lead_path and lead_path != path and _under(lead_path, path):
            roles.add(wf.UPPER_LEADER)
        reach = REACH.get(role)
        if reach is None:
            continue
        (lead_role, how), co = reach
        if lead_path and _matches(lead_path, path, how):
            roles.add(lead_role)
        if co and any(_matches(c, path, co[1]) for c in co_paths):
            roles.add(co[0])
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


def trackable_case(code: str) -> Case | None:
    """The case of this code if the public may follow it (not an internal problem, not past
    its lookup period)."""
    case = Case.objects.filter(code=(code or "").strip()).exclude(kind="problem").first()
    if case is None:
        return None
    limit = timedelta(days=settings.LIANXIN_LOOKUP_DAYS)
    if case.closed_at and clock.now() - case.closed_at > limit:
        return None
    return case


def case_by_secret(code: str, secret: str) -> Case | None:
    """The case if code and secret match and the case may be followed; None otherwise,
    whichever the reason. Only the secret opens a case here: the phone is proven with a
    one-time code by SMS, never by digits that staff pages show."""
    code = (code or "").strip()
    case = Case.objects.filter(code=code).first()
    digest = case.secret_digest if case else "0" * 64
    ok = codes.secret_matches(code, secret or "", digest)
    return trackable_case(code) if ok else None


def sees_contact(user, case: Case, roles) -> bool:
    """Whether the citizen's full name and phone may be shown to this user."""
    if wf.OPERATOR in roles or wf.DISPATCHER in roles:
        return True
    person = person_of(user)
    return bool(person and case.handler_id == person.pk)


def visible_filter(user, root: Unit):
    """A Q that limits a case queryset to the cases the user has a role on (the same rule
    as `case_roles`: REACH, the organisation-wide grants, the assigned handler, the issuer)."""
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
        if _org_wide(role, path, root.path):
            return Q(root=root)
        reach = REACH.get(role)
        if reach is None:
            continue
        (_lead_role, how), co = reach
        q |= _path_q("lead_unit__path", path, how)
        if co:
            co_ids = Case.co_units.through.objects.filter(_path_q("unit__path", path, co[1]))
            q |= Q(pk__in=co_ids.values("case_id"))
    q |= Q(handler=person, lead_unit__isnull=False) | Q(issuer=person)
    return Q(root=root) & q


def roles_over(user, role: str) -> list[str]:
    return [path for r, path in grants_of(user) if r == role]


# -- the register's tools (the queue's buttons and the pages behind them ask the same) ----


# The queue's tabs and the roles whose work they hold (a tab not listed is for everyone):
# a station clerk who only handles sees his cases, the supervised ones and all he may see.
TAB_ROLES = {
    "incoming": (Role.DISPATCHER, Role.OPERATOR, Role.ADMIN, Role.LEADER, Role.SUPERVISOR),
    "review": (Role.DISPATCHER, Role.ADMIN, Role.LEADER, Role.SUPERVISOR),
}


def queue_tabs(user, root: Unit) -> set[str]:
    """The names of the queue's tabs shown to the user (others still open by address)."""
    if getattr(user, "is_superuser", False):
        return {"all", "incoming", "mine", "review", "supervised", "problems"}
    roles = {r for r, p in grants_of(user) if root.path and p.startswith(root.path)}
    shown = {"all", "mine", "supervised", "problems"}
    return shown | {tab for tab, allowed in TAB_ROLES.items() if roles & set(allowed)}


def may_enter(user, root: Unit) -> bool:
    """Fast entry of a call (快速登记): operators and dispatchers of the organisation."""
    return getattr(user, "is_superuser", False) or any(
        r in (Role.OPERATOR, Role.DISPATCHER) and root.path and p.startswith(root.path)
        for r, p in grants_of(user)
    )


def may_import(user, root: Unit) -> bool:
    """Bulk import of slips and historical cases (导入): operators, dispatchers and
    administrators on the organisation's root."""
    from lianxin.org.access import has_role_over

    return has_role_over(user, root, (Role.OPERATOR, Role.DISPATCHER, Role.ADMIN))


def may_set_up(user, root: Unit) -> bool:
    """The register's categories and time limits: administrators of the organisation."""
    from lianxin.org.access import is_admin_of

    return is_admin_of(user, root)


def may_edit_templates(user, unit: Unit) -> bool:
    """A unit's common answers (常用答复): its leaders, handlers and administrators (and
    those above it) write them; everyone who sees the unit reads them."""
    from lianxin.org.access import has_role_over

    return has_role_over(user, unit, (Role.LEADER, Role.HANDLER, Role.ADMIN))


def access_reply_template(user, pk: int, *, write: bool = False) -> ReplyTemplate:
    """A common answer of a unit the user sees, or 404; 403 to write it without the right."""
    from django.core.exceptions import PermissionDenied

    from lianxin.org.access import access_unit

    template = ReplyTemplate.objects.filter(pk=pk).select_related("unit").first()
    if template is None:
        raise Http404
    access_unit(user, template.unit_id)
    if write and not may_edit_templates(user, template.unit):
        raise PermissionDenied
    return template

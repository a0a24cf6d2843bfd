"""Who sees which scorecard (一级带着一级干，一级做给一级看).

- The level above sees every unit below: any role held on a unit shows that unit's and every
  unit's under it (a role on the organ shows all of them).
- The people of a unit see their own unit's scorecard and its leaders', and the organ's
  (the organisation's own row and its leaders'), so the organ shows its work to the stations.
- Everyone else - another organisation, a login without a staff profile - gets 404.
- Writing the comment on a unit's month is for the level above: a leader, secretary,
  supervisor or administrator on a unit above it.
"""

from __future__ import annotations

from django.http import Http404

from lianxin.org.access import home_root_or_404, person_grants, person_of
from lianxin.org.models import Role, RoleGrant, Unit

COMMENTING_ROLES = (Role.LEADER, Role.SECRETARY, Role.SUPERVISOR, Role.ADMIN)
FREEZING_ROLES = (Role.ADMIN,)


def _grant_paths(person) -> list[str]:
    return [path for _role, path in person_grants(person)]


def sees(user, unit: Unit) -> bool:
    """Whether the user may open this unit's scorecard (and its leaders')."""
    if getattr(user, "is_superuser", False):
        return True
    person = person_of(user)
    if person is None or unit.root_id != person.unit.root_id:
        return False
    if unit.pk in (person.unit_id, unit.root_id) or unit.path == person.unit.path:
        return True
    return any(unit.path.startswith(path) for path in _grant_paths(person))


def visible_ids(user, root: Unit, units) -> set[int]:
    """The ids of `units` (of `root`) the user may see (one query at most)."""
    return {u.pk for u in units if sees(user, u)} | (
        {root.pk} if root is not None and sees(user, root) else set()
    )


def root_for(user) -> Unit:
    """The organisation whose scorecards the user opens, or 404."""
    return home_root_or_404(user)


def access_unit(user, unit_id) -> Unit:
    unit = Unit.objects.filter(pk=unit_id).first()
    if unit is None or not sees(user, unit):
        raise Http404
    return unit


def comments_on(user, unit: Unit) -> bool:
    """The level above: a governing role on a unit strictly above this one."""
    if getattr(user, "is_superuser", False):
        return True
    person = person_of(user)
    if person is None:
        return False
    above = unit.ancestor_ids[:-1]
    return RoleGrant.objects.filter(
        person=person, unit_id__in=above, role__in=COMMENTING_ROLES
    ).exists()


def may_freeze(user, root: Unit) -> bool:
    from lianxin.org.access import is_admin_of

    return is_admin_of(user, root)


def sees_all(user, root: Unit) -> bool:
    """The level above everything: a role on the organisation's root (or a superuser)."""
    if getattr(user, "is_superuser", False):
        return True
    person = person_of(user)
    return bool(person and root.path in _grant_paths(person))


def visible_unit_ids(user, root: Unit) -> set[int]:
    """The ids of the organisation's units whose scorecards the user may see (one query)."""
    units = Unit.objects.filter(path__startswith=root.path).only("pk", "path")
    return {u.pk for u in units if sees(user, u)}

"""Who uses routing: suggestions and duplicates for the staff who register or dispatch cases
(operators, dispatchers of the organisation); setup for its administrators; hotspots for its
leaders, supervisors, dispatchers and administrators, problems of the month for its leaders.
Anyone else gets a 404."""

from __future__ import annotations

from django.http import Http404

from lianxin.org import access as org_access
from lianxin.org.access import grants_of
from lianxin.org.models import Role, Unit


def _roles_on_root(user, root: Unit) -> set[str]:
    if getattr(user, "is_superuser", False):
        return set(Role.values)
    return {role for role, path in grants_of(user) if path == root.path}


def _any_role_in(user, root: Unit) -> set[str]:
    if getattr(user, "is_superuser", False):
        return set(Role.values)
    return {role for role, path in grants_of(user) if path.startswith(root.path)}


def may_suggest(user, root: Unit) -> bool:
    return bool({Role.OPERATOR, Role.DISPATCHER} & _any_role_in(user, root))


def may_set_up(user, root: Unit) -> bool:
    return Role.ADMIN in _roles_on_root(user, root)


def may_see_hotspots(user, root: Unit) -> bool:
    return bool(
        {Role.LEADER, Role.SUPERVISOR, Role.DISPATCHER, Role.ADMIN} & _roles_on_root(user, root)
    )


def may_make_problem(user, root: Unit) -> bool:
    return Role.LEADER in _roles_on_root(user, root)


def root_for(user, check) -> Unit:
    """The user's organisation if `check(user, root)`, else 404."""
    root = org_access.home_root(user)
    if root is None or not check(user, root):
        raise Http404
    return root

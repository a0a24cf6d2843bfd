"""Who may see and change which part of the organisation.

- Staff (a login with a Person) see the tree and the people of their own organisation (the
  root unit they belong to); anything of another organisation is a 404, never a hint.
- A person *governs* a unit when he holds `leader` or `admin` on it or on a unit above it;
  governing is what editing a unit, its people and its role grants needs (else 403).
- Granting `admin` needs `admin` on the unit or above. Superusers govern everything.
- Phone numbers of people are shown to the person himself and to those who govern him.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Expression, F, TextField
from django.http import Http404

from .models import Person, Role, RoleGrant, Unit

GOVERNING_ROLES = (Role.LEADER, Role.ADMIN)


def person_of(user) -> Person | None:
    from lianxin.core.actor import login_of

    user = login_of(user)  # an Actor: its login; the citizen and the system: None
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.person
    except Person.DoesNotExist:
        return None


def person_grants(person: Person) -> list[tuple[str, str]]:
    """(role, unit path) of every grant of the person, one query, kept on the person object
    for the rest of the request (every app's access rules read this one list)."""
    memo = vars(person)
    if "_lx_grants" not in memo:
        memo["_lx_grants"] = list(
            RoleGrant.objects.filter(person=person).values_list("role", "unit__path")
        )
    return memo["_lx_grants"]


def forget_grants(person: Person) -> None:
    """Drop the grants kept on this person object (after a grant or a revocation)."""
    vars(person).pop("_lx_grants", None)


def holds(person: Person, roles, unit: Unit) -> bool:
    """Whether the person holds one of `roles` on `unit` or on a unit above it (read from
    the grants kept on the person: no query after the first)."""
    wanted = set(roles)
    grants = person_grants(person)
    return any(role in wanted and unit.path.startswith(path) for role, path in grants)


class _GrantsOf(Expression):
    """The grants of one person as one text column of another query: role and unit path
    joined by a space, the pairs by commas (`grants_column`).

    Written out as SQL once instead of built from Subquery, Concat and an aggregate: Django
    compiled those anew for every API request, and that was most of the token check's time
    (about 3 ms of its 4). Table and column names come from the models."""

    output_field = TextField()

    def __init__(self, person_ref: str):
        super().__init__()
        self.person = F(person_ref)

    def get_source_expressions(self):
        return [self.person]

    def set_source_expressions(self, exprs):
        (self.person,) = exprs

    def as_sql(self, compiler, connection, **extra):
        person_sql, params = compiler.compile(self.person)
        q = connection.ops.quote_name
        grant, unit = RoleGrant._meta, Unit._meta

        def col(meta, name: str) -> str:
            return q(meta.get_field(name).column)

        pair = f"g.{col(grant, 'role')} || ' ' || u.{col(unit, 'path')}"
        agg = "GROUP_CONCAT" if connection.vendor == "sqlite" else "STRING_AGG"
        sql = (
            f"(SELECT {agg}({pair}, ',') FROM {q(grant.db_table)} g"
            f" INNER JOIN {q(unit.db_table)} u ON u.{col(unit, 'id')} = g.{col(grant, 'unit')}"
            f" WHERE g.{col(grant, 'person')} = {person_sql})"
        )
        return sql, params


def grants_column(person_ref: str) -> Expression:
    """The grants of the person `person_ref` (a path to his id, e.g. "user__person__id") as
    one column of another query, so that they come with it (the API token's lookup); give
    the value to `keep_grants`. Roles are names and paths digits and dots: neither holds
    ' ' or ','."""
    return _GrantsOf(person_ref)


def keep_grants(person: Person, joined: str | None) -> None:
    """Keep the grants read by `grants_column` on the person for the rest of the request,
    as `person_grants` does (no second query)."""
    pairs = joined.split(",") if joined else []
    vars(person)["_lx_grants"] = [tuple(pair.split(" ", 1)) for pair in pairs]


def grants_of(user) -> list[tuple[str, str]]:
    """(role, unit path) of every grant of the user; none for an outsider."""
    person = person_of(user)
    return [] if person is None else person_grants(person)


def organisation_ids(user) -> set[int]:
    """Root units whose organisation the user belongs to (own unit and granted units)."""
    person = person_of(user)
    if person is None:
        return set()
    paths = [person.unit.path, *(path for _role, path in person_grants(person))]
    return {int(p.split(".")[0]) for p in paths if p}


def is_staff_member(user) -> bool:
    return bool(getattr(user, "is_superuser", False) or person_of(user))


def home_root(user) -> Unit | None:
    """The root unit shown first to this user."""
    person = person_of(user)
    if person is not None:
        return Unit.objects.get(pk=person.unit.root_id)
    if getattr(user, "is_superuser", False):
        return Unit.objects.filter(parent__isnull=True).order_by("pk").first()
    return None


def home_root_or_404(user) -> Unit:
    """The user's root unit; 404 for a login that belongs to no organisation (an outsider
    learns nothing, DESIGN)."""
    from django.http import Http404

    root = home_root(user)
    if root is None:
        raise Http404
    return root


def has_role_over(user, unit: Unit, roles) -> bool:
    """Whether the user holds one of `roles` on `unit` or on a unit above it."""
    if getattr(user, "is_superuser", False):
        return True
    person = person_of(user)
    return person is not None and holds(person, roles, unit)


def governs(user, unit: Unit) -> bool:
    return has_role_over(user, unit, GOVERNING_ROLES)


def is_admin_of(user, unit: Unit) -> bool:
    return has_role_over(user, unit, (Role.ADMIN,))


def is_any_admin(user) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    person = person_of(user)
    return bool(person and any(role == Role.ADMIN for role, _path in person_grants(person)))


def governed_units(user, root: Unit):
    """The units under root that the user governs (two queries)."""
    from django.db.models import Q

    units = Unit.objects.filter(path__startswith=root.path).order_by("path")
    if getattr(user, "is_superuser", False):
        return units
    person = person_of(user)
    paths = (
        list(
            RoleGrant.objects.filter(person=person, role__in=GOVERNING_ROLES).values_list(
                "unit__path", flat=True
            )
        )
        if person
        else []
    )
    if not paths:
        return units.none()
    q = Q()
    for path in paths:
        q |= Q(path__startswith=path)
    return units.filter(q)


def sees_unit(user, unit: Unit) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return unit.root_id in organisation_ids(user)


def access_unit(user, unit_id, *, write: bool = False) -> Unit:
    """The unit, or 404 for outsiders, or 403 for those who may read but not change it."""
    unit = Unit.objects.filter(pk=unit_id).select_related("parent").first()
    if unit is None or not sees_unit(user, unit):
        raise Http404
    if write and not governs(user, unit):
        raise PermissionDenied
    return unit


def access_person(user, person_id, *, write: bool = False) -> Person:
    person = Person.objects.filter(pk=person_id).select_related("unit", "user").first()
    if person is None or not sees_unit(user, person.unit):
        raise Http404
    if write and not governs(user, person.unit):
        raise PermissionDenied
    return person


def sees_phone(user, person: Person) -> bool:
    return person.user_id == getattr(user, "pk", None) or governs(user, person.unit)


def require_admin(user) -> None:
    """The working-day calendar and other system settings are for administrators."""
    if not is_any_admin(user):
        raise PermissionDenied


# -- the cadre record (干部档案) ---------------------------------------------------------
# Seen by the cadre himself, the leaders of his unit and of the units above it (principal
# leader, party secretary, administrator), the party-building office and the organisation
# office of his organisation. Anyone else - a station's staff opening another station's
# cadre, a handler opening his colleague's - gets 404.

RECORD_LEADING = (Role.LEADER, Role.SECRETARY, Role.ADMIN)


def is_organisation_office(user, root: Unit) -> bool:
    """A role on the unit named as the organisation office of root."""
    from .models import OrganisationOffice

    office = OrganisationOffice.objects.filter(root=root).select_related("unit").first()
    return office is not None and any(p == office.unit.path for _r, p in grants_of(user))


def is_party_office(user, root: Unit) -> bool:
    from lianxin.partywork.access import is_office

    return is_office(user, root)


def reads_all_records(user, root: Unit) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    if root.pk not in organisation_ids(user):
        return False
    return is_organisation_office(user, root) or is_party_office(user, root)


def sees_record(user, person: Person) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    me = person_of(user)
    if me is None or person.unit.root_id not in organisation_ids(user):
        return False
    if me.pk == person.pk:
        return True
    if any(r in RECORD_LEADING and person.unit.path.startswith(p) for r, p in grants_of(user)):
        return True
    return reads_all_records(user, Unit.objects.get(pk=person.unit.root_id))


def record_people(user, root: Unit):
    """The people of root whose records the user reads (a queryset; two or three queries)."""
    from django.db.models import Q

    people = Person.objects.filter(unit__path__startswith=root.path)
    if reads_all_records(user, root):
        return people
    me = person_of(user)
    if me is None:
        return people.none()
    q = Q(pk=me.pk)
    for role, path in grants_of(user):
        if role in RECORD_LEADING:
            q |= Q(unit__path__startswith=path)
    return people.filter(q)


def access_record(user, person_id) -> Person:
    """The person whose record is asked for, or 404 (never a hint that he exists)."""
    person = Person.objects.filter(pk=person_id).select_related("unit", "user").first()
    if person is None or not sees_record(user, person):
        raise Http404
    return person


def root_of_request_user(user) -> Unit | None:
    """home_root, read once per login object (a request's menu asks it for every entry)."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_lx_home_root"):
        user._lx_home_root = home_root(user)
    return user._lx_home_root


def opens_workbench_pages(user) -> bool:
    """The rule of the pages open to all staff of an organisation (`staff_required` and a
    home root, else 404): the unit tree, the people, the case queue, the scorecards..."""
    return is_staff_member(user) and root_of_request_user(user) is not None


def needs_second_factor(user) -> bool:
    """A grant of a role with power over others' data (core.secondfactor.POWER_ROLES)."""
    from lianxin.core.secondfactor import POWER_ROLES

    return RoleGrant.objects.filter(person__user=user, role__in=POWER_ROLES).exists()


def record_people_ids(user, root: Unit) -> set[int]:
    """The ids of the people of root whose records the user reads (one list page's links)."""
    return set(record_people(user, root).values_list("pk", flat=True))


def governed_unit_ids(user, root: Unit) -> set[int]:
    return set(governed_units(user, root).values_list("pk", flat=True))


def access_grant(user, pk: int) -> RoleGrant:
    """A role grant on a unit the user governs, or 404 (403 for a reader of the unit)."""
    grant = RoleGrant.objects.filter(pk=pk).select_related("unit", "person").first()
    if grant is None:
        raise Http404
    access_unit(user, grant.unit_id, write=True)
    return grant

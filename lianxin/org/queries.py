"""Reads of the unit tree and its people; each is one or two SQL queries at any depth."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from lianxin.core.queries import rows_of

from .models import Person, Role, RoleGrant, Unit


def units_under(unit: Unit, *, include_self: bool = True) -> QuerySet[Unit]:
    """Every unit below `unit` at any depth (one query)."""
    qs = Unit.objects.filter(path__startswith=unit.path)
    if not include_self:
        qs = qs.exclude(pk=unit.pk)
    return qs.order_by("path")


def unit_ancestors(unit: Unit) -> QuerySet[Unit]:
    """The units from the root down to `unit`'s parent (one query)."""
    return Unit.objects.filter(pk__in=unit.ancestor_ids[:-1]).order_by("depth")


def people_with_role(role: str, unit: Unit, *, below: bool = False) -> QuerySet[Person]:
    """People holding `role` on `unit` (or, with below=True, on any unit under it)."""
    if below:
        grants = RoleGrant.objects.filter(role=role, unit__path__startswith=unit.path)
    else:
        grants = RoleGrant.objects.filter(role=role, unit=unit)
    return (
        Person.objects.filter(pk__in=grants.values("person_id"), is_active=True)
        .select_related("unit", "user")
        .order_by("name")
    )


def unit_tree(root: Unit) -> list[Unit]:
    """The units under root in tree order, each with `.leaders` and `.secretaries` lists
    (two queries)."""
    units: list[Unit] = list(
        units_under(root).prefetch_related(
            Prefetch(
                "grants",
                queryset=RoleGrant.objects.filter(role__in=[Role.LEADER, Role.SECRETARY])
                .select_related("person")
                .order_by("person__name"),
                to_attr="head_grants",
            )
        )
    )
    for unit in units:
        heads = vars(unit)["head_grants"]
        unit.leaders = [g.person for g in heads if g.role == Role.LEADER]
        unit.secretaries = [g.person for g in heads if g.role == Role.SECRETARY]
    return units


def unit_people(unit: Unit) -> QuerySet[Person]:
    return (
        Person.objects.filter(unit=unit)
        .select_related("user", "unit")
        .prefetch_related(Prefetch("grants", queryset=RoleGrant.objects.select_related("unit")))
        .order_by("-is_active", "name")
    )


def unit_grants(unit: Unit) -> QuerySet[RoleGrant]:
    return RoleGrant.objects.filter(unit=unit).select_related("person", "person__unit")


def people_search(root: Unit, text: str = "") -> QuerySet[Person]:
    qs = Person.objects.filter(unit__path__startswith=root.path).select_related("unit", "user")
    if text:
        qs = qs.filter(Q(name__icontains=text) | Q(position__icontains=text))
    return qs.order_by("unit__path", "name")


def person_grants(person: Person) -> QuerySet[RoleGrant]:
    return person.grants.select_related("unit").order_by("unit__path", "role")


def roots() -> QuerySet[Unit]:
    return Unit.objects.filter(parent__isnull=True).order_by("name")


def roster(root: Unit) -> QuerySet[Person]:
    """Everyone in the organisation with units and grants (three queries)."""
    return (
        Person.objects.filter(unit__path__startswith=root.path)
        .select_related("unit")
        .prefetch_related(Prefetch("grants", queryset=RoleGrant.objects.select_related("unit")))
        .order_by("unit__path", "-is_active", "name")
    )


def cadre_record(person: Person, year: int) -> dict:
    """A cadre's record (干部档案) for one year, read from each app's queries: a fixed number of
    queries however many entries the year holds."""
    from lianxin.cases import queries as cases
    from lianxin.discipline import queries as discipline
    from lianxin.liaison import queries as liaison
    from lianxin.partywork import queries as partywork
    from lianxin.rules import queries as rules

    visits = list(liaison.diary_of_year(person, year))
    cadence = liaison.cadence_of_year(person, year)
    attendance = list(partywork.attendance_of_year(person, year))
    handled, case_figures = cases.handled_of_year(person, year)
    secretary = partywork.secretary_items_of_year(person, year)
    return {
        "year": year,
        "visits": visits,
        "visits_checked": sum(1 for v in visits if v.reviewed_at),
        "needs": sum(v.need_count for v in visits),
        "needs_cases": sum(v.case_count for v in visits),
        "cadence": cadence,
        "cadence_asked": sum(r["asked"] for r in cadence),
        "cadence_done": sum(r["done"] for r in cadence),
        "stints": list(liaison.stints_of_year(person, year)),
        "attendance": attendance,
        "present": sum(1 for a in attendance if a.status == "present"),
        "acknowledgements": list(rules.acknowledgements_of_year(person, year)),
        "secretary": secretary,
        "cases": list(handled),
        "case_figures": case_figures,
        "penalties": list(discipline.penalties_of_year(person, year)),
    }


def public_root() -> Unit:
    """The organisation the public pages speak for: LIANXIN_PORTAL_UNIT's code, else the
    first root unit; 404 when there is none yet. (Here, not in portal, so that the apps whose
    public pages the portal assembles need not import it.)"""
    code = getattr(settings, "LIANXIN_PORTAL_UNIT", "")
    units = Unit.objects.filter(parent__isnull=True, is_active=True)
    root = (units.filter(code=code).first() if code else None) or units.order_by("pk").first()
    if root is None:
        raise Http404
    return root


def unit_children(unit: Unit) -> QuerySet[Unit]:
    """The units directly under `unit`, in their order."""
    return unit.children.order_by("sort_order", "name")


def unit_grants_by_role(unit: Unit) -> QuerySet[RoleGrant]:
    """The roles held on `unit`, by role then by name (the unit's page)."""
    return unit_grants(unit).order_by("role", "person__name")


def organisation_of(unit: Unit) -> Unit:
    """The root of the unit's organisation (the unit itself for a root: no query)."""
    return unit if unit.parent_id is None else Unit.objects.get(pk=unit.root_id)


def active_people_of(root: Unit) -> QuerySet[Person]:
    """The organisation's active people, by unit then name (whom a role may be given)."""
    return (
        Person.objects.filter(unit__path__startswith=root.path, is_active=True)
        .select_related("unit")
        .order_by("unit__path", "name")
    )


def unit_under(root: Unit, pk: int) -> Unit | None:
    """A unit of the organisation by its id (None for another organisation's)."""
    return units_under(root).filter(pk=pk).first()


def person_under(root: Unit, pk: int, *, active: bool = False) -> Person | None:
    """A person of the organisation by his id, with his unit (None for another
    organisation's; with `active`, for one who left too)."""
    people = people_search(root)
    return (people.filter(is_active=True) if active else people).filter(pk=pk).first()


def grants_listed(person: Person) -> list[RoleGrant]:
    """The person's role grants with their units: those read with him (`unit_people`), else
    one query."""
    return rows_of(person, "grants", lambda: person.grants.select_related("unit"))


def active_stations() -> QuerySet[Unit]:
    """Every active station, of every organisation (the public home page's list)."""
    return Unit.objects.filter(kind=Unit.Kind.STATION, is_active=True).order_by("path")

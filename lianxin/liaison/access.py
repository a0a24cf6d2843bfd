"""Who sees whose diary: the cadre his own, his leaders (leader, secretary or administrator of
his unit or a unit above it) those under them, nobody else (404). Administrators assign
contact points and stints; organ staff record research visits, which the station visited
also reads."""

from __future__ import annotations

from django.http import Http404

from lianxin.org.access import has_role_over, is_admin_of, person_grants, person_of
from lianxin.org.models import Person, Role, Unit

from .models import Need, ResearchVisit, Stint, Visit

LEADING = (Role.LEADER, Role.SECRETARY, Role.ADMIN)


def cadre_paths(person: Person) -> list[str]:
    return [person.unit.path, *person.grants.values_list("unit__path", flat=True)]


def place_is_his(person: Person, place) -> bool:
    return any(place.unit.path.startswith(p) for p in cadre_paths(person))


def sees_diary_of(user, person: Person) -> bool:
    me = person_of(user)
    if me is not None and me.pk == person.pk:
        return True
    return has_role_over(user, person.unit, LEADING)


def reviews_diary_of(user, person: Person) -> bool:
    me = person_of(user)
    return (me is None or me.pk != person.pk) and has_role_over(user, person.unit, LEADING)


def access_visit(user, pk) -> Visit:
    visit = Visit.objects.filter(pk=pk).select_related("person__unit", "place").first()
    if visit is None or not sees_diary_of(user, visit.person):
        raise Http404
    return visit


def people_under(user, root: Unit):
    """The cadres whose diaries the user reads (himself included)."""
    from django.db.models import Q

    me = person_of(user)
    people = Person.objects.filter(unit__path__startswith=root.path, is_active=True)
    if getattr(user, "is_superuser", False):
        return people
    paths = [
        p for r, p in (me.grants.values_list("role", "unit__path") if me else []) if r in LEADING
    ]
    q = Q(pk=me.pk) if me else Q(pk__in=[])
    for path in paths:
        q |= Q(unit__path__startswith=path)
    return people.filter(q)


def access_stint(user, root: Unit, pk: int) -> Stint:
    """A stint of a cadre whose diary the user reads (`people_under`), or 404."""
    from . import queries

    stint = queries.stint_list(people_under(user, root)).filter(pk=pk).first()
    if stint is None:
        raise Http404
    return stint


def is_organ_staff(user, root: Unit) -> bool:
    me = person_of(user)
    if me is None:
        return bool(getattr(user, "is_superuser", False))
    return me.unit.kind != Unit.Kind.STATION and me.unit.path.startswith(root.path)


def sees_research(user, research: ResearchVisit) -> bool:
    root = Unit.objects.get(pk=research.station.root_id)
    if is_organ_staff(user, root):
        return True
    me = person_of(user)
    return bool(me and me.unit_id == research.station_id) or has_role_over(
        user, research.station, LEADING
    )


def may_assign(user, root: Unit) -> bool:
    return is_admin_of(user, root)


def access_need(user, pk: int) -> Need:
    """A need heard on a visit whose diary the user reads, or 404."""
    need = (
        Need.objects.filter(pk=pk)
        .select_related("visit__person__unit", "visit__place__unit")
        .first()
    )
    if need is None or not sees_diary_of(user, need.visit.person):
        raise Http404
    return need


def access_research(user, root: Unit, pk: int) -> ResearchVisit:
    """A research visit of the organisation the user reads (`sees_research`), or 404."""
    from . import queries

    visit = queries.research_visits(root).filter(pk=pk).first()
    if visit is None or not sees_research(user, visit):
        raise Http404
    return visit


def research_seen(user, root: Unit, *, limit: int = 50) -> list[ResearchVisit]:
    """The organisation's latest research visits the user reads (the rule of
    `sees_research`), with their station and problems, newest first."""
    from . import queries

    visits = queries.research_visits(root)[:limit]
    if is_organ_staff(user, root) or getattr(user, "is_superuser", False):
        return list(visits)
    me = person_of(user)
    if me is None:
        return []
    # `sees_research` visit by visit, from the grants read once (not a query per visit)
    leading = [path for role, path in person_grants(me) if role in LEADING]
    return [
        v
        for v in visits
        if me.unit_id == v.station_id or any(v.station.path.startswith(p) for p in leading)
    ]

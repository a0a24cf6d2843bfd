"""The single gate of discipline work. Everything else asks here; anyone refused gets 404,
never 403, so that not even the existence of a report leaks.

Who must never see a report (the excluded), whatever roles they hold:
- the person reported (by identity: `accused_person`), and, until an inspector has confirmed
  who is reported, everyone of the roster whose name the reporter's text mentions
  (`mentioned`: conservative, never by exact text match only; should those people, with
  the leaders and office below, leave nobody at all, they alone stand aside:
  `mentions_relaxed`);
- the leaders (leader or secretary) of the unit reported and of each of those people's units;
- when the report is about the discipline office itself (the unit reported, or one of those
  people belongs to it or holds a role on it): the whole office (its members and everyone
  holding a role on it).

Who handles it: the first of these with someone not excluded (ROUTE_ORDER), so that every
report always reaches someone; the clock moves an unaccepted report one step up:
1. the inspectors (role `inspector` on the office's unit or above it), unless the report is
   about the office;
2. the organ's leader (role `leader` on the organisation's root);
3. the organ's party secretary (role `secretary` on the root: the party committee the
   discipline office answers to).

Penalties and the handling lists: inspectors of the organisation, with the same exclusions
(a person never sees the penalty records about himself, nor the leaders of his unit: they
are told by the decision, not by this system).
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from lianxin.org.access import holds, person_grants, person_of
from lianxin.org.models import Person, Role, RoleGrant, Unit

from .models import DisciplineOffice, Penalty, Report, Route

LEADING = (Role.LEADER, Role.SECRETARY)
ROUTE_ORDER: list[str] = [Route.INSPECTORS, Route.ORGAN_LEADER, Route.ORGAN_SECRETARY]


def office_of(root: Unit) -> DisciplineOffice | None:
    return DisciplineOffice.objects.filter(root=root).select_related("unit").first()


def _holds(person: Person, role_set, unit: Unit) -> bool:
    """The person holds one of the roles on the unit or on a unit above it."""
    return holds(person, role_set, unit)


def is_inspector(user, root: Unit) -> bool:
    person = person_of(user)
    office = office_of(root)
    return bool(person and office and _holds(person, [Role.INSPECTOR], office.unit))


def is_organ_leader(user, root: Unit) -> bool:
    person = person_of(user)
    return bool(person and (Role.LEADER, root.path) in person_grants(person))


def is_organ_secretary(user, root: Unit) -> bool:
    person = person_of(user)
    return bool(person and (Role.SECRETARY, root.path) in person_grants(person))


def mentioned_people(root: Unit, *texts: str) -> list[Person]:
    """Everyone of the organisation whose name (two characters or more) occurs anywhere in
    the texts: "纪检员马丽娟" mentions 马丽娟."""
    text = "\n".join(t for t in texts if t)
    if not text:
        return []
    ids = [
        pk
        for pk, name in Person.objects.filter(unit__path__startswith=root.path).values_list(
            "pk", "name"
        )
        if len(name) >= 2 and name in text
    ]
    return list(Person.objects.filter(pk__in=ids))


def _targets(report: Report) -> tuple[list[tuple[int, int]], set[int]]:
    """((person id, unit id) of those whose unit's leaders and office stand aside too,
    the ids of those mentioned who stand aside alone (when the report's mentions were
    relaxed: see `route_for`))."""
    out = []
    accused = report.accused_person
    if accused is not None:
        out.append((accused.pk, accused.unit_id))
    mentioned = list(report.mentioned.values_list("pk", "unit_id")) if report.pk else []
    if report.mentions_relaxed:
        return out, {p for p, _u in mentioned}
    return out + mentioned, set()


def exclusion(report: Report) -> tuple[set[int], bool]:
    """(the ids of the people who must never see the report, whether it is about the
    discipline office itself)."""
    office = office_of(report.root)
    targets, alone = _targets(report)
    person_ids = {p for p, _u in targets}
    units = {report.accused_unit_id} | {u for _p, u in targets}
    excluded = alone | set(
        RoleGrant.objects.filter(role__in=list(LEADING), unit_id__in=units).values_list(
            "person_id", flat=True
        )
    )
    excluded |= person_ids
    about_office = office is not None and (
        office.unit_id in units
        or RoleGrant.objects.filter(person_id__in=person_ids, unit=office.unit).exists()
    )
    if office is not None and about_office:
        excluded |= set(Person.objects.filter(unit=office.unit).values_list("pk", flat=True))
        excluded |= set(
            RoleGrant.objects.filter(unit=office.unit).values_list("person_id", flat=True)
        )
    return excluded, about_office


def _tier(root: Unit, route: str):
    """The people of one step of the fallback, before exclusions."""
    people = Person.objects.filter(is_active=True, user__is_active=True)
    if route == Route.INSPECTORS:
        office = office_of(root)
        if office is None:
            return Person.objects.none()
        return people.filter(
            grants__role=Role.INSPECTOR, grants__unit_id__in=office.unit.ancestor_ids
        ).distinct()
    role = Role.LEADER if route == Route.ORGAN_LEADER else Role.SECRETARY
    return people.filter(grants__role=role, grants__unit=root).distinct()


def _first_route(report: Report, floor: str) -> str | None:
    excluded, about_office = exclusion(report)
    for route in ROUTE_ORDER[ROUTE_ORDER.index(floor) :]:
        if route == Route.INSPECTORS and about_office:
            continue
        if _tier(report.root, route).exclude(pk__in=excluded).exists():
            return route
    return None


def route_for(report: Report, *, floor: str = Route.INSPECTORS) -> str:
    """The first step of the fallback, from `floor` up, with someone not excluded. Sets
    `report.mentions_relaxed` (the caller saves it): when the people the text merely
    mentions, with their units' leaders and office, leave nobody at all, those people alone
    stand aside. When even then nobody is left, the last step (see docs/discipline.md)."""
    report.mentions_relaxed = False
    route = _first_route(report, floor)
    if route is None and report.pk and report.mentioned.exists():
        report.mentions_relaxed = True
        route = _first_route(report, floor)
        if route is None:
            report.mentions_relaxed = False
    return route or ROUTE_ORDER[-1]


def next_route(report: Report) -> str | None:
    """The step above the report's route that has someone to handle it, if any (sets
    `report.mentions_relaxed` as `route_for` does, for the caller to save)."""
    i = ROUTE_ORDER.index(report.route)
    if i + 1 >= len(ROUTE_ORDER):
        return None
    before = report.mentions_relaxed
    route = route_for(report, floor=ROUTE_ORDER[i + 1])
    if ROUTE_ORDER.index(route) > i and handlers(report, route):
        return route
    report.mentions_relaxed = before
    return None


def conflicted(person: Person, report: Report) -> bool:
    return person.pk in exclusion(report)[0]


def handlers(report: Report, route: str | None = None) -> list[Person]:
    """Everyone who may handle the report (for notices)."""
    route = route or report.route
    excluded, about_office = exclusion(report)
    if route == Route.INSPECTORS and about_office:
        return []
    return list(_tier(report.root, route).exclude(pk__in=excluded).select_related("user", "unit"))


def may_handle(user, report: Report) -> bool:
    person = person_of(user)
    if person is None or person.unit.root_id != report.root_id:
        return False
    return any(p.pk == person.pk for p in handlers(report))


def still_handles(user, pk: int) -> bool:
    """Whether the user still handles the report after a step (a step may route it away
    or reveal a conflict of interest)."""
    report = Report.objects.filter(pk=pk).first()
    return report is not None and may_handle(user, report)


def visible_reports(user, root: Unit):
    """The reports this user may handle, as a queryset (exclusions in SQL, as `exclusion`)."""
    person = person_of(user)
    if person is None or person.unit.root_id != root.pk:
        return Report.objects.none()
    routes = []
    if is_inspector(user, root):
        routes.append(Route.INSPECTORS)
    if is_organ_leader(user, root):
        routes.append(Route.ORGAN_LEADER)
    if is_organ_secretary(user, root):
        routes.append(Route.ORGAN_SECRETARY)
    if not routes or not (person.is_active and person.user.is_active):
        return Report.objects.none()
    led = list(
        RoleGrant.objects.filter(person=person, role__in=list(LEADING)).values_list(
            "unit_id", flat=True
        )
    )
    strict = Report.objects.filter(mentions_relaxed=False)
    qs = (
        Report.objects.filter(root=root, route__in=routes)
        .exclude(accused_person=person)
        .exclude(mentioned=person)
        .exclude(accused_unit_id__in=led)
        .exclude(Q(accused_person__isnull=False) & Q(accused_person__unit_id__in=led))
        .exclude(pk__in=strict.filter(mentioned__unit_id__in=led).values("pk"))
    )
    office = office_of(root)
    if office is not None:
        about_office = (
            Q(accused_unit=office.unit)
            | Q(accused_person__unit=office.unit)
            | Q(accused_person__grants__unit=office.unit)
            | Q(mentions_relaxed=False, mentioned__unit=office.unit)
            | Q(mentions_relaxed=False, mentioned__grants__unit=office.unit)
        )
        in_office = (
            person.unit_id == office.unit_id
            or RoleGrant.objects.filter(person=person, unit=office.unit).exists()
        )
        if in_office:
            qs = qs.exclude(pk__in=Report.objects.filter(about_office).values("pk"))
        if Route.INSPECTORS in routes:  # a report about the office never goes to it
            qs = qs.exclude(
                Q(route=Route.INSPECTORS)
                & Q(pk__in=Report.objects.filter(about_office).values("pk"))
            )
    return qs


def access_report(user, pk: int) -> Report:
    report = (
        Report.objects.select_related("root", "accused_unit", "accused_person", "clause")
        .filter(pk=pk)
        .first()
    )
    if report is None or not may_handle(user, report):
        raise Http404
    return report


def reporter_report(pk: str | None) -> Report:
    """The report its reporter follows: `pk` comes from the signed cookie his receipt gave
    him (the receipt is the proof); 404 without one or for a report that is gone."""
    report = Report.objects.filter(pk=int(pk)).first() if pk and pk.isdigit() else None
    if report is None:
        raise Http404
    return report


def require_inspector(user, root: Unit) -> None:
    if not is_inspector(user, root):
        raise Http404


def inspects_any(user) -> bool:
    person = person_of(user)
    if person is None:
        return False
    root = Unit.objects.filter(pk=person.unit.root_id).first()
    return bool(root and in_fallback(user, root))


def in_fallback(user, root: Unit) -> bool:
    """Whether the user is on any step of the fallback (and so has a list of reports)."""
    return is_inspector(user, root) or is_organ_leader(user, root) or is_organ_secretary(user, root)


def visible_penalties(user, root: Unit):
    if not is_inspector(user, root):
        return Penalty.objects.none()
    person = person_of(user)
    led = RoleGrant.objects.filter(person=person, role__in=list(LEADING)).values_list(
        "unit_id", flat=True
    )
    return (
        Penalty.objects.filter(root=root)
        .exclude(person=person)
        .exclude(unit_id__in=list(led))
        .exclude(person__unit_id__in=list(led))
    )


def access_penalty(user, pk: int) -> Penalty:
    penalty = Penalty.objects.filter(pk=pk).select_related("root").first()
    if penalty is None or not visible_penalties(user, penalty.root).filter(pk=pk).exists():
        raise Http404
    return penalty

"""The single gate of discipline work. Everything else asks here; anyone refused gets 404,
never 403, so that not even the existence of a report leaks.

Who handles a report:
- the inspectors (role `inspector` on the discipline office's unit or above it);
- if the person reported holds a leading role (leader or secretary) on the discipline office
  itself, the organ's leaders instead (role `leader` on the organisation's root).
Never, whatever roles they hold: the person reported, and the leaders (leader or secretary)
of the unit reported or of the reported person's unit.

Penalties and the handling lists: inspectors of the organisation, with the same exclusions
(a person never sees the penalty records about himself, nor the leaders of his unit: they
are told by the decision, not by this system).
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from lianxin.org.access import person_of
from lianxin.org.models import Person, Role, RoleGrant, Unit

from .models import DisciplineOffice, Penalty, Report, Route

LEADING = (Role.LEADER, Role.SECRETARY)


def office_of(root: Unit) -> DisciplineOffice | None:
    return DisciplineOffice.objects.filter(root=root).select_related("unit").first()


def _holds(person: Person, role_set, unit: Unit) -> bool:
    """The person holds one of the roles on the unit or on a unit above it."""
    return RoleGrant.objects.filter(
        person=person, role__in=list(role_set), unit_id__in=unit.ancestor_ids
    ).exists()


def is_inspector(user, root: Unit) -> bool:
    person = person_of(user)
    office = office_of(root)
    return bool(person and office and _holds(person, [Role.INSPECTOR], office.unit))


def is_organ_leader(user, root: Unit) -> bool:
    person = person_of(user)
    return bool(person and RoleGrant.objects.filter(person=person, role=Role.LEADER, unit=root))


def route_for(root: Unit, accused: Person | None) -> str:
    office = office_of(root)
    if accused is not None and office is not None:
        leads_office = RoleGrant.objects.filter(
            person=accused, role__in=list(LEADING), unit=office.unit
        ).exists()
        if leads_office:
            return Route.ORGAN_LEADER
    return Route.INSPECTORS


def _conflicted_ids(report: Report) -> set[int]:
    """The people who must never see the report: the person reported and the leaders
    (leader or secretary) of the unit reported or of his unit. One query."""
    units = {report.accused_unit_id}
    if report.accused_person_id:
        units.add(report.accused_person.unit_id)
    ids = set(
        RoleGrant.objects.filter(role__in=list(LEADING), unit_id__in=units).values_list(
            "person_id", flat=True
        )
    )
    if report.accused_person_id:
        ids.add(report.accused_person_id)
    return ids


def conflicted(person: Person, report: Report) -> bool:
    return person.pk in _conflicted_ids(report)


def may_handle(user, report: Report) -> bool:
    person = person_of(user)
    if person is None or report.root.pk not in {person.unit.root_id}:
        return False
    if conflicted(person, report):
        return False
    if report.route == Route.ORGAN_LEADER:
        return is_organ_leader(user, report.root)
    return is_inspector(user, report.root)


def handlers(report: Report) -> list[Person]:
    """Everyone who may handle the report (for notices)."""
    if report.route == Route.ORGAN_LEADER:
        candidates = Person.objects.filter(
            grants__role=Role.LEADER, grants__unit=report.root
        ).distinct()
    else:
        office = office_of(report.root)
        if office is None:
            return []
        candidates = Person.objects.filter(
            grants__role=Role.INSPECTOR, grants__unit_id__in=office.unit.ancestor_ids
        ).distinct()
    return list(candidates.exclude(pk__in=_conflicted_ids(report)).select_related("user", "unit"))


def visible_reports(user, root: Unit):
    """The reports this user may handle, as a queryset (conflicts excluded in SQL)."""
    person = person_of(user)
    if person is None or person.unit.root_id != root.pk:
        return Report.objects.none()
    routes = []
    if is_inspector(user, root):
        routes.append(Route.INSPECTORS)
    if is_organ_leader(user, root):
        routes.append(Route.ORGAN_LEADER)
    if not routes:
        return Report.objects.none()
    led = list(
        RoleGrant.objects.filter(person=person, role__in=list(LEADING)).values_list(
            "unit_id", flat=True
        )
    )
    return (
        Report.objects.filter(root=root, route__in=routes)
        .exclude(accused_person=person)
        .exclude(accused_unit_id__in=led)
        .exclude(Q(accused_person__isnull=False) & Q(accused_person__unit_id__in=led))
    )


def access_report(user, pk: int) -> Report:
    report = (
        Report.objects.select_related("root", "accused_unit", "accused_person", "clause")
        .filter(pk=pk)
        .first()
    )
    if report is None or not may_handle(user, report):
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
    return bool(root and (is_inspector(user, root) or is_organ_leader(user, root)))


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

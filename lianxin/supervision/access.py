"""Who sees and does what in inspections, the rectification ledger and supervision orders.

- Inspections are planned by the organisation's supervisors, leaders, administrators and
  inspectors (granted on the root). Until finished an inspection (an unannounced one above
  all) is seen only by them, its planner and its team; once finished its 通报 is for every
  staff member of the organisation. Findings are recorded by the team and the planner.
- A problem's ledger row is seen by whoever has a role on the problem case (cases.access),
  and, read-only, by every staff member of the organisation when the problem is the organ's
  own (lead unit the organ or one of its offices: 管自身, stations see the organ's list).
- Anyone else gets 404, as for a record that does not exist.
"""

from __future__ import annotations

from django.http import Http404

from lianxin.cases import access as case_access
from lianxin.cases import workflow as wf
from lianxin.cases.models import Case, Kind
from lianxin.org.access import has_role_over, organisation_ids, person_of
from lianxin.org.models import Role, Unit

from .models import Inspection

PLANNING_ROLES = (Role.SUPERVISOR, Role.LEADER, Role.ADMIN, Role.INSPECTOR)
ORGAN_KINDS: tuple[str, ...] = (Unit.Kind.ORGAN, Unit.Kind.OFFICE)


def in_organisation(user, root: Unit) -> bool:
    return bool(getattr(user, "is_superuser", False) or root.pk in organisation_ids(user))


def plans_inspections(user, root: Unit) -> bool:
    return in_organisation(user, root) and has_role_over(user, root, PLANNING_ROLES)


def in_team(user, inspection: Inspection) -> bool:
    person = person_of(user)
    if person is None:
        return False
    return inspection.planned_by_id == person.pk or inspection.team.filter(pk=person.pk).exists()


def sees_inspection(user, inspection: Inspection) -> bool:
    root = inspection.root
    if not in_organisation(user, root):
        return False
    if inspection.finished_at is not None:
        return True
    return plans_inspections(user, root) or in_team(user, inspection)


def access_inspection(user, pk) -> Inspection:
    inspection = (
        Inspection.objects.select_related("root", "planned_by").filter(pk=pk).first()
        if str(pk).isdigit()
        else None
    )
    if inspection is None or not sees_inspection(user, inspection):
        raise Http404
    return inspection


def is_organ_own(case: Case) -> bool:
    return case.lead_unit is not None and case.lead_unit.kind in ORGAN_KINDS


def unfinished_findings():
    """The problem cases found by an inspection not finished yet: until it is, they are not
    on the organ's list for everyone (an unannounced visit would be known while under way)."""
    from .models import Finding

    return Finding.objects.filter(inspection__finished_at__isnull=True, case__isnull=False)


def problem_roles(user, case: Case) -> frozenset[str]:
    """The user's roles on a problem case; VIEWER alone for a staff member of the
    organisation reading the organ's own list; empty for everyone else."""
    roles = case_access.case_roles(user, case)
    if (
        not roles
        and is_organ_own(case)
        and in_organisation(user, case.root)
        and not unfinished_findings().filter(case=case).exists()
    ):
        return frozenset({wf.VIEWER})
    return roles


def access_problem(user, code: str) -> tuple[Case, frozenset[str]]:
    case = (
        Case.objects.select_related("root", "lead_unit", "handler", "category", "issuer")
        .filter(code=code, kind=Kind.PROBLEM)
        .first()
    )
    if case is None:
        raise Http404
    roles = problem_roles(user, case)
    if not roles:
        raise Http404
    return case, roles

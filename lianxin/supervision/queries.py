"""Reads of inspections and the rectification ledger, joined for their pages."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from lianxin.cases import access as case_access
from lianxin.cases.models import Case, Kind, Status
from lianxin.core import clock
from lianxin.org.models import Person, Unit

from . import access
from .models import Evidence, Finding, Inspection, Order, ProgressReport, Rectification


def inspections(user, root: Unit) -> QuerySet[Inspection]:
    """The inspections the user may see, with their units and finding counts (two queries)."""
    qs = Inspection.objects.filter(root=root)
    if not access.plans_inspections(user, root):
        person = getattr(user, "person", None)
        mine = Q(team=person) | Q(planned_by=person) if person else Q(pk__in=[])
        qs = qs.filter(mine | Q(finished_at__isnull=False)).distinct()
    return (
        qs.select_related("planned_by")
        .prefetch_related("units")
        .annotate(n_findings=Count("findings", distinct=True))
        .order_by("-starts_on", "-id")
    )


def findings(inspection: Inspection) -> list[Finding]:
    return list(
        inspection.findings.select_related(
            "unit", "recorded_by", "case", "case__rectification"
        ).order_by("found_at", "id")
    )


def ledger(user, root: Unit, *, unit: Unit | None = None, state: str = "") -> QuerySet[Case]:
    """Every internal problem the user sees, whatever its source, with its ledger row; the
    organ's own problems are listed for every staff member of the organisation."""
    visible = case_access.visible_filter(user, root)
    if access.in_organisation(user, root):
        visible |= Q(root=root, lead_unit__kind__in=access.ORGAN_KINDS) & ~Q(
            pk__in=access.unfinished_findings().values("case_id")
        )
    qs = Case.objects.filter(visible, root=root, kind=Kind.PROBLEM)
    if unit is not None:
        qs = qs.filter(lead_unit__path__startswith=unit.path)
    now = clock.now()
    if state == "open":
        qs = qs.filter(status__in=["received", "dispatched", "in_progress", "replied"])
    elif state == "overdue":
        qs = qs.filter(status="in_progress", rectification__due_at__lt=now)
    elif state == "to_accept":
        qs = qs.filter(status="replied")
    elif state == "signed_off":
        qs = qs.filter(rectification__signed_off_at__isnull=False)
    elif state == "unplanned":
        qs = qs.filter(rectification__isnull=True, status__in=["dispatched", "in_progress"])
    return qs.select_related(
        "lead_unit",
        "issuer",
        "category",
        "rectification__leader",
        "rectification__person",
    ).order_by("status", "received_at", "id")


def rectification_detail(case: Case) -> Rectification | None:
    """The ledger row with its reports and evidence, or None (three queries)."""
    reports = ProgressReport.objects.select_related("by").order_by("created_at", "id")
    return (
        Rectification.objects.filter(case=case)
        .select_related("leader", "person", "planned_by", "signed_off_by")
        .prefetch_related(
            Prefetch("reports", queryset=reports),
            Prefetch("evidence", queryset=Evidence.objects.order_by("id")),
        )
        .first()
    )


def evidence_of(case: Case, pk: int) -> Evidence:
    from django.http import Http404

    item = Evidence.objects.filter(pk=pk, rectification__case=case).first()
    if item is None:
        raise Http404
    return item


def orders_of(case: Case) -> list[Order]:
    return list(
        case.orders.select_related("issued_by", "feedback_by", "lifted_by").order_by("-created_at")
    )


def flagged_orders(case_ids) -> dict[int, Order]:
    """The open flagged order of each case (for the public notice), one query."""
    rows = Order.objects.filter(case_id__in=list(case_ids), flagged=True, lifted_at=None).order_by(
        "created_at"
    )
    return {o.case_id: o for o in rows}


def waiting_orders(user, root: Unit) -> QuerySet[Order]:
    """Orders waiting for feedback on the cases the user sees, oldest deadline first."""
    visible = Case.objects.filter(case_access.visible_filter(user, root)).values("pk")
    return (
        Order.objects.filter(case__in=visible, feedback_at=None, lifted_at=None)
        .select_related("case__lead_unit", "issued_by")
        .order_by("due_at")
    )


def ledger_rows(user, root: Unit, *, unit: Unit | None = None, state: str = "") -> list[Case]:
    """The ledger's rows, each with `row` (its rectification plan or None) and `overdue`
    (being rectified past its 整改时限)."""
    rows = list(ledger(user, root, unit=unit, state=state))
    now = clock.now()
    for case in rows:
        try:
            row = case.rectification  # the one-to-one row, joined by `ledger`
        except Rectification.DoesNotExist:
            row = None
        case.row = row  # type: ignore[attr-defined]
        case.overdue = bool(  # type: ignore[attr-defined]
            row
            and case.status == Status.IN_PROGRESS
            and row.signed_off_at is None
            and row.due_at < now
        )
    return rows


def units_of(root: Unit) -> QuerySet[Unit]:
    return Unit.objects.filter(path__startswith=root.path, is_active=True)


def unit_in(root: Unit, pk: str) -> Unit | None:
    """The unit `pk` (as typed in a filter) if it is of this organisation."""
    if not pk.isdigit():
        return None
    return Unit.objects.filter(pk=pk, path__startswith=root.path).first()


def rectification_of(case: Case) -> Rectification | None:
    return Rectification.objects.filter(case=case).select_related("case__issuer").first()


def open_order(case: Case, step: str) -> Order | None:
    """The order a step on the case's orders acts on: for "feedback" the one still waiting
    for feedback, for "lift" the flagged one not yet lifted (None when there is none)."""
    orders = Order.objects.filter(case=case, lifted_at=None).select_related(
        "case__lead_unit", "issued_by"
    )
    if step == "feedback":
        return orders.filter(feedback_at=None).first()
    return orders.filter(flagged=True).first()


def inspected_units(inspection: Inspection) -> QuerySet[Unit]:
    return inspection.units.all()


def inspection_team(inspection: Inspection) -> QuerySet[Person]:
    """The inspectors of an inspection, with their units."""
    return inspection.team.select_related("unit")

"""Reads of party work: the stations x months grid, plans, reports, study records."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from lianxin.core import clock
from lianxin.core.queries import rows_of
from lianxin.org.models import Person, Unit

from .models import (
    Attendance,
    Guidance,
    MonthlyPlan,
    MonthlyReport,
    PlanItem,
    Receipt,
    StudySession,
)


def grid(units, month_list: list[date]) -> list[dict]:
    """One row per station: per month the report (state, late, overdue) and whether the
    plan is agreed (two queries)."""
    unit_ids = [u.pk for u in units]
    reports = {
        (r.unit_id, r.month): r
        for r in MonthlyReport.objects.filter(unit_id__in=unit_ids, month__in=month_list)
    }
    plans = {
        (p.unit_id, p.month): p
        for p in MonthlyPlan.objects.filter(unit_id__in=unit_ids, month__in=month_list)
    }
    from . import months

    now = clock.now()
    rows = []
    for unit in units:
        cells = []
        for m in month_list:
            cells.append(
                {"month": m, "report": reports.get((unit.pk, m)), "plan": plans.get((unit.pk, m))}
            )
        rows.append({"unit": unit, "cells": cells})
    dues = {m: months.report_due(m) for m in month_list}
    for row in rows:
        for cell in row["cells"]:
            cell["due"] = dues[cell["month"]]
            report = cell["report"]
            cell["overdue"] = now > cell["due"] and (
                report is None or report.state in ("draft", "returned")
            )
    return rows


def guidance_list(root: Unit, units=None):
    qs = Guidance.objects.filter(root=root).annotate(
        sent=Count("receipts"),
        confirmed=Count("receipts", filter=Q(receipts__confirmed_at__isnull=False)),
    )
    if units is not None:
        qs = qs.filter(receipts__unit__in=units).distinct()
    return qs.select_related("issued_by").order_by("-issued_at")


def receipts_of(guidance: Guidance):
    return guidance.receipts.select_related("unit", "confirmed_by").order_by("unit__path")


def sessions_of(unit: Unit):
    return (
        StudySession.objects.filter(unit=unit)
        .annotate(
            present=Count("attendance", filter=Q(attendance__status="present")),
            recorded=Count("attendance"),
        )
        .order_by("-starts_at")
    )


# The attendance with its people, by name, in one query for any number of sessions.
ATTENDANCE_ROWS = Attendance.objects.select_related("person").order_by("person__name")
ATTENDANCE = Prefetch("attendance", queryset=ATTENDANCE_ROWS)


def sessions_with_attendance(unit: Unit) -> QuerySet[StudySession]:
    """`sessions_of` with their unit and attendance (three queries however many)."""
    return sessions_of(unit).select_related("unit").prefetch_related(ATTENDANCE)


def attendance_listed(session: StudySession) -> list[Attendance]:
    """Who came, was excused or absent, by name: as read with the session
    (`sessions_with_attendance`), else one query."""
    return rows_of(session, "attendance", lambda: ATTENDANCE_ROWS.filter(session=session))


def attendance_rates(units) -> dict[int, float | None]:
    """Present / recorded per unit over its held sessions (one query)."""
    rows = (
        Attendance.objects.filter(session__unit__in=units, session__state="held")
        .values("session__unit")
        .annotate(total=Count("id"), present=Count("id", filter=Q(status="present")))
    )
    return {r["session__unit"]: (r["present"] / r["total"] if r["total"] else None) for r in rows}


def study_record(person: Person):
    return (
        Attendance.objects.filter(person=person)
        .select_related("session")
        .order_by("-session__starts_at")
    )


def plan_of(unit: Unit, month: date) -> MonthlyPlan | None:
    return (
        MonthlyPlan.objects.filter(unit=unit, month=month)
        .select_related("station_agreed_by", "office_agreed_by")
        .first()
    )


def report_of(unit: Unit, month: date) -> MonthlyReport | None:
    return (
        MonthlyReport.objects.filter(unit=unit, month=month).select_related("submitted_by").first()
    )


def pending_receipts(units):
    return Receipt.objects.filter(unit__in=units, confirmed_at__isnull=True).select_related(
        "guidance", "unit"
    )


def today() -> date:
    return timezone.localdate(clock.now())


# -- a cadre's year, for his record (干部档案) ----------------------------------------------


def attendance_of_year(person: Person, year: int):
    """The study sessions of the year he was recorded at (present, excused, absent), with the
    session and its unit (one query)."""
    return (
        Attendance.objects.filter(person=person, session__starts_at__year=year)
        .select_related("session__unit")
        .order_by("session__starts_at")
    )


def secretary_items_of_year(person: Person, year: int) -> dict:
    """Party work of the units where he is the party secretary, in the year: the monthly
    plans (agreed or not) and reports (submitted, late, sent back) (three queries)."""
    units = list(
        Unit.objects.filter(grants__person=person, grants__role="secretary").order_by("path")
    )
    plans = list(
        MonthlyPlan.objects.filter(unit__in=units, month__year=year)
        .select_related("unit")
        .order_by("month", "unit__path")
    )
    reports = list(
        MonthlyReport.objects.filter(unit__in=units, month__year=year)
        .select_related("unit")
        .order_by("month", "unit__path")
    )
    sent = [r for r in reports if r.submitted_at]
    return {
        "units": units,
        "plans": plans,
        "reports": reports,
        "plans_agreed": sum(1 for p in plans if p.agreed),
        "reports_sent": len(sent),
        "reports_late": sum(1 for r in sent if r.late),
    }


def plan_items(plan: MonthlyPlan) -> QuerySet[PlanItem]:
    return plan.items.all()


def plan_item(plan: MonthlyPlan, pk: int) -> PlanItem | None:
    return plan.items.filter(pk=pk).first()


def active_stations(root: Unit) -> QuerySet[Unit]:
    """The organisation's active stations, in their order (whom guidance is sent to)."""
    return Unit.objects.filter(
        path__startswith=root.path, kind=Unit.Kind.STATION, is_active=True
    ).order_by("sort_order", "path")


def session_members(session: StudySession) -> list[Person]:
    """The active people of the session's unit, by name (whose attendance is recorded)."""
    return list(Person.objects.filter(unit=session.unit, is_active=True).order_by("name"))


def attendance_by_person(session: StudySession) -> dict[int, Attendance]:
    return {a.person_id: a for a in session.attendance.all()}

"""Monthly reports on the one clock: a reminder to the station's secretary two working days
before the due day, and another (to the party-building office as well) once it has passed."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lianxin.core import clock
from lianxin.core.notify import notify_staff
from lianxin.core.workdays import is_workday
from lianxin.org.models import Unit

from . import months
from .models import MonthlyReport, PartyOffice

KIND = "partywork.report"
REMIND_BEFORE_WORKDAYS = 2


def _before(due: datetime, workdays: int) -> datetime:
    day, left = timezone.localdate(due), workdays
    while left:
        day -= timedelta(days=1)
        if is_workday(day):
            left -= 1
    return timezone.make_aware(datetime.combine(day, datetime.min.time())) + timedelta(hours=9)


def plan_reports(at: datetime) -> None:
    """Put last month's report of every station on the clock (idempotent, two queries plus
    one per organisation)."""
    month = months.previous_month(timezone.localdate(at))
    due = months.report_due(month)
    remind_at = _before(due, REMIND_BEFORE_WORKDAYS)
    suffix = f":{month:%Y-%m}"
    done = {
        f"{uid}{suffix}"
        for uid in MonthlyReport.objects.filter(
            month=month, state__in=["submitted", "accepted"]
        ).values_list("unit_id", flat=True)
    }
    new = []
    for office in PartyOffice.objects.select_related("root"):
        for unit_id in Unit.objects.filter(
            path__startswith=office.root.path, kind=Unit.Kind.STATION, is_active=True
        ).values_list("pk", flat=True):
            key = f"{unit_id}{suffix}"
            if key not in done:
                new.append((key, remind_at, due))
    clock.plan(KIND, new)


def _unit_month(item):
    unit_id, month = item.object_id.split(":")
    return Unit.objects.filter(pk=int(unit_id)).first(), months.parse(month)


def remind(item) -> None:
    from .actions import secretaries

    unit, month = _unit_month(item)
    if unit is None:
        return
    notify_staff(
        secretaries(unit),
        title=_("The monthly report for %(month)s is due on %(day)s")
        % {"month": month.strftime("%Y-%m"), "day": timezone.localdate(months.report_due(month))},
        url=reverse("workbench:report_detail", args=[unit.pk, month.strftime("%Y-%m")]),
    )


def overdue(item) -> None:
    from .actions import office_people, secretaries

    unit, month = _unit_month(item)
    if unit is None:
        return
    root = Unit.objects.get(pk=unit.root_id)
    notify_staff(
        secretaries(unit) + office_people(root),
        title=_("The monthly report of %(unit)s for %(month)s is overdue")
        % {"unit": unit.name, "month": month.strftime("%Y-%m")},
        url=reverse("workbench:report_detail", args=[unit.pk, month.strftime("%Y-%m")]),
    )


def register() -> None:
    clock.register(KIND, on_due=remind, on_escalate=overdue)
    clock.register_planner(plan_reports)

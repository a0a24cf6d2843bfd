"""Contact points on the one clock: each month a cadre who has not yet visited a contact point
as often as its cadence asks is reminded on the 20th, and at the end of the month he and his
leaders hear that it is overdue."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lianxin.core import clock
from lianxin.core.months import first_of, last_day, parse
from lianxin.core.notify import notify_staff
from lianxin.core.workdays import end_of_day
from lianxin.org.models import Role, RoleGrant

from .models import ContactPoint, Visit

KIND = "liaison.contact"


def visits_in_month(point: ContactPoint, month) -> int:
    return Visit.objects.filter(
        person=point.person_id, place=point.place_id, day__gte=month, day__lte=last_day(month)
    ).count()


def plan_contact_points(at: datetime) -> None:
    month = first_of(timezone.localdate(at))
    remind = end_of_day(month.replace(day=20))
    overdue = end_of_day(last_day(month))
    points = ContactPoint.objects.filter(is_active=True).values_list("pk", flat=True)
    clock.plan(KIND, [(f"{pk}:{month:%Y-%m}", remind, overdue) for pk in points])


def _point(item):
    pk, month = item.object_id.split(":")
    point = (
        ContactPoint.objects.filter(pk=int(pk), is_active=True)
        .select_related("person__user", "person__unit", "place")
        .first()
    )
    return point, parse(month)


def remind(item) -> None:
    point, month = _point(item)
    if point is None or visits_in_month(point, month) >= point.visits_per_month:
        return
    notify_staff(
        [point.person.user],
        title=_("Contact point %(place)s: visit due this month") % {"place": point.place.name},
        url=reverse("workbench:diary"),
    )


def overdue(item) -> None:
    point, month = _point(item)
    if point is None or visits_in_month(point, month) >= point.visits_per_month:
        return
    leaders = [
        g.person.user
        for g in RoleGrant.objects.filter(
            unit_id__in=point.person.unit.ancestor_ids, role=Role.LEADER
        ).select_related("person__user")
        if g.person_id != point.person_id
    ]
    notify_staff(
        [point.person.user, *leaders],
        title=_("Contact point %(place)s of %(name)s not visited in %(month)s")
        % {"place": point.place.name, "name": point.person.name, "month": month.strftime("%Y-%m")},
        url=reverse("workbench:cadence"),
    )


def register() -> None:
    clock.register(KIND, on_due=remind, on_escalate=overdue)
    clock.register_planner(plan_contact_points)

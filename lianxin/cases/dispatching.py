"""The dispatch limit: a received item waits at most one working day for the dispatcher
(urgent: 2 hours, in clock hours) before he is reminded; after as long again, the
dispatchers' leaders hear of it. Settings: LIANXIN_DISPATCH_WORKDAYS (1),
LIANXIN_DISPATCH_URGENT_HOURS (2). Internal problems are dispatched by their issuer and
have no dispatch limit."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from lianxin.core import clock
from lianxin.core.deadlines import due_after
from lianxin.core.workdays import add_workdays_each, end_of_day
from lianxin.org.models import Person, Role, RoleGrant

from . import notices
from .models import Case, Kind, Status

KIND = "case.dispatch"


def dispatch_due(case: Case, start: datetime) -> tuple[datetime, datetime]:
    """(due, escalate) for an item received or returned at `start`."""
    if case.urgent:
        hours = getattr(settings, "LIANXIN_DISPATCH_URGENT_HOURS", 2)
        return start + timedelta(hours=hours), start + timedelta(hours=2 * hours)
    days = getattr(settings, "LIANXIN_DISPATCH_WORKDAYS", 1)
    if not days:
        return due_after(start, workdays=0), due_after(start, workdays=0)
    due, escalate = add_workdays_each(timezone.localdate(start), (days, 2 * days))
    return end_of_day(due), end_of_day(escalate)


def schedule(case: Case, start: datetime | None = None) -> None:
    """Put (or put again, after a return) the dispatch limit on the clock."""
    if case.kind == Kind.PROBLEM:
        return
    due, escalate = dispatch_due(case, start or clock.now())
    clock.schedule(KIND, case.pk, due, escalate)


def schedule_new(case: Case, start: datetime) -> None:
    """The dispatch limit of a case just inserted: one INSERT (it has no due item yet)."""
    if case.kind == Kind.PROBLEM:
        return
    due, escalate = dispatch_due(case, start)
    clock.plan(KIND, [(case.pk, due, escalate)])


def finish(case: Case) -> None:
    clock.finish(KIND, case.pk)


def _waiting(item) -> Case | None:
    case = Case.objects.select_related("root").filter(pk=int(item.object_id)).first()
    return case if case is not None and case.status == Status.RECEIVED else None


def remind(item) -> None:
    case = _waiting(item)
    if case is not None:
        notices.tell_staff(notices.org_role(case, Role.DISPATCHER), case, _("Not yet dispatched"))


def escalate(item) -> None:
    """To the leaders of the dispatchers' own units (the office), else of the organ."""
    case = _waiting(item)
    if case is None:
        return
    dispatchers = RoleGrant.objects.filter(role=Role.DISPATCHER, unit_id=case.root_id).values(
        "person_id"
    )
    unit_ids = set(
        Person.objects.filter(pk__in=dispatchers, is_active=True).values_list("unit_id", flat=True)
    )
    leaders = notices._users_with(Role.LEADER, unit_ids) or notices.org_role(case, Role.LEADER)
    notices.tell_staff(leaders, case, _("Not dispatched in time"))


def register() -> None:
    clock.register(KIND, on_due=remind, on_escalate=escalate)

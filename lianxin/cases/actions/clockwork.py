"""What the clock does to many cases at once: reminders (催办) for a whole batch of due
items in bulk writes (one UPDATE of the cases, one INSERT of timeline entries, one of inbox
notices, one task for the SMS), in the clock's transaction for that batch."""

from __future__ import annotations

from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils.translation import gettext as _

from lianxin.core import clock
from lianxin.core.errors import ApplicationError

from .. import access, notices
from .. import workflow as wf
from ..models import Case, Supervision
from ..timeline import add_events_many


def case_remind_many(*, case_ids: list[int]) -> int:
    """`case_remind` by the clock for many cases: the cases still being worked on are
    reminded; the others (moved on since) are left alone. Returns how many were reminded.
    Runs inside the caller's transaction (the clock's batch) with the case rows locked."""
    locked = list(
        Case.objects.select_for_update(of=("self",))
        .select_related("root", "lead_unit", "category")
        .filter(pk__in=case_ids, status__in=(wf.D, wf.P))
        .order_by("pk")
    )
    at = clock.now()
    todo = []
    for case in locked:
        try:
            step = wf.check(case, "remind", access.case_roles(wf.SYSTEM, case))
        except ApplicationError:
            continue
        if step.target != case.status:  # a reminder never moves a case
            continue
        case.supervision = max(case.supervision, Supervision.REMINDED)
        case.reminder_count += 1
        case.version += 1
        case.updated_at = at
        todo.append(case)
    if not todo:
        return 0
    Case.objects.filter(pk__in=[c.pk for c in todo]).update(
        supervision=Greatest(F("supervision"), Value(int(Supervision.REMINDED))),
        reminder_count=F("reminder_count") + 1,
        version=F("version") + 1,
        updated_at=at,
    )
    add_events_many(todo, "remind", wf.SYSTEM)
    recipients = notices.handlers_and_leaders_many(todo)
    notices.tell_staff_many([(recipients[c.pk], c) for c in todo], _("Reminder: overdue"))
    return len(todo)

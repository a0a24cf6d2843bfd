"""What the clock does to many cases at once: reminders (催办) for a whole batch of due
items in bulk writes (one query locking the cases, one UPDATE of them, one INSERT of
timeline entries, one of inbox notices, one task for the SMS), in the clock's transaction
for that batch."""

from __future__ import annotations

from typing import NamedTuple

from django.db.models import F, Q, Value
from django.db.models.functions import Greatest
from django.utils.translation import gettext as _

from lianxin.core import clock

from .. import notices
from .. import workflow as wf
from ..models import Case, Supervision
from ..timeline import add_events_many


class Reminded(NamedTuple):
    """What the timeline and the notices need of a reminded case (no model instance)."""

    pk: int
    code: str
    title: str
    status: str
    lead_unit_id: int | None
    handler_id: int | None


def _remindable_q() -> Q:
    """The cases the clock may remind, from the workflow table: the states where `remind`
    is a step of the system that leaves the case where it is."""
    steps = [
        step
        for step in wf.STEPS
        if step.action == "remind" and wf.SYSTEM in step.roles and step.target == step.source
    ]
    q = Q(status__in=[s.source for s in steps if s.kinds == wf.ALL_KINDS])
    for step in steps:
        if step.kinds != wf.ALL_KINDS:
            q |= Q(status=step.source, kind__in=sorted(step.kinds))
    return q


def case_remind_many(*, case_ids: list[int]) -> int:
    """`case_remind` by the clock for many cases: the cases still being worked on are
    reminded; the others (moved on since) are left alone. Returns how many were reminded.
    Runs inside the caller's transaction (the clock's batch): one query locks the cases in
    id order and reads what the timeline and the notices need (no model instances), one
    UPDATE changes them."""
    todo = [
        Reminded(*row)
        for row in Case.objects.select_for_update()
        .filter(_remindable_q(), pk__in=case_ids)
        .order_by("pk")
        .values_list("pk", "code", "title", "status", "lead_unit_id", "handler_id")
    ]
    if not todo:
        return 0
    Case.objects.filter(pk__in=[c.pk for c in todo]).update(
        supervision=Greatest(F("supervision"), Value(int(Supervision.REMINDED))),
        reminder_count=F("reminder_count") + 1,
        version=F("version") + 1,
        updated_at=clock.now(),
    )
    add_events_many(todo, "remind", wf.SYSTEM)
    recipients = notices.handlers_and_leaders_many(todo)
    notices.tell_staff_many([(recipients[c.pk], c) for c in todo], _("Reminder: overdue"))
    return len(todo)

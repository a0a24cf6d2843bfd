"""Warnings before deadlines (临期预警): a set time before the accept limit and the reply
limit, the handler and his unit's leaders get one message each, and the case shows a
warning badge until the step is taken or the deadline moves. The reminder at the deadline
and the supervision later are unchanged (clockwork.py).

Lead times in working days, `LIANXIN_WARNING_LEAD` (default accept 0.5, reply 1). A working
day is the working hours of `LIANXIN_WORK_HOURS`: half a working day before a limit that
ends with a day is the middle of that day's working hours; one working day before is the
end of the working day before. Limits in clock hours (urgent) warn when a quarter of the
time is left.
"""

from __future__ import annotations

import math
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _

from lianxin.core import clock
from lianxin.core.models import DueItem
from lianxin.core.workdays import add_work_hours, end_of_day, is_workday

from . import notices
from .models import Case, Status

ACCEPT = "case.accept_warning"
REPLY = "case.reply_warning"
DEFAULT_LEAD = {"accept": 0.5, "reply": 1.0}


def lead(which: str) -> float:
    return float(getattr(settings, "LIANXIN_WARNING_LEAD", {}).get(which, DEFAULT_LEAD[which]))


def _hours_per_day() -> float:
    total = 0.0
    for a, b in settings.LIANXIN_WORK_HOURS:
        ta, tb = time.fromisoformat(a), time.fromisoformat(b)
        total += (tb.hour * 60 + tb.minute - ta.hour * 60 - ta.minute) / 60
    return total


def _workday_before(day, n: int):
    while n > 0:
        day -= timedelta(days=1)
        if is_workday(day):
            n -= 1
    return day


def warn_at(due: datetime, start: datetime, lead_workdays: float) -> datetime:
    local = timezone.localtime(due)
    if lead_workdays <= 0:
        return due
    if local.time() >= time(23, 59):
        whole = math.ceil(lead_workdays)
        base = end_of_day(_workday_before(local.date(), whole))
        moment = add_work_hours(base, (whole - lead_workdays) * _hours_per_day())
    else:
        moment = due - (due - start) / 4
    return max(moment, start)


def schedule_accept(case: Case) -> None:
    if case.accept_due and case.dispatched_at:
        at = warn_at(case.accept_due, case.dispatched_at, lead("accept"))
        clock.schedule(ACCEPT, case.pk, at)


def schedule_reply(case: Case) -> None:
    if case.reply_due:
        at = warn_at(case.reply_due, clock.now(), lead("reply"))
        clock.schedule(REPLY, case.pk, at)


def finish(case: Case, *kinds: str) -> None:
    for kind in kinds:
        clock.finish(kind, case.pk)


def _warn(item, which: str) -> None:
    case = Case.objects.select_related("lead_unit").filter(pk=int(item.object_id)).first()
    if case is None or case.paused_at is not None:
        return
    due = case.accept_due if which == "accept" else case.reply_due
    states = (Status.DISPATCHED,) if which == "accept" else (Status.DISPATCHED, Status.IN_PROGRESS)
    if case.status not in states or due is None or due <= max(item.due_at, clock.now()):
        return
    when = timezone.localtime(due).strftime("%m-%d %H:%M")
    title = (
        _("Warning: accept by %(when)s") if which == "accept" else _("Warning: reply by %(when)s")
    ) % {"when": when}
    notices.tell_staff(notices.handlers_and_leaders(case), case, title)


def _warn_many(items, which: str) -> None:
    """`_warn` for a whole clock batch: one query for the cases, two for the recipients,
    one INSERT of notices."""
    from lianxin.core.notify import notify_staff_many

    due_of = {int(i.object_id): i.due_at for i in items}
    states = (Status.DISPATCHED,) if which == "accept" else (Status.DISPATCHED, Status.IN_PROGRESS)
    now = clock.now()
    cases = []
    for case in Case.objects.select_related("lead_unit").filter(
        pk__in=list(due_of), status__in=states, paused_at=None
    ):
        due = case.accept_due if which == "accept" else case.reply_due
        if due is not None and due > max(due_of[case.pk], now):
            cases.append((case, due))
    recipients = notices.handlers_and_leaders_many([c for c, _due in cases])
    messages = []
    pattern = notices.case_url_pattern()
    for case, due in cases:
        when = timezone.localtime(due).strftime("%m-%d %H:%M")
        title = (
            _("Warning: accept by %(when)s")
            if which == "accept"
            else _("Warning: reply by %(when)s")
        ) % {"when": when}
        messages.append(
            (
                recipients[case.pk],
                f"{title} {case.code}",
                case.title,
                pattern.replace("CODE", case.code),
            )
        )
    notify_staff_many(messages)


def warn_accept(item) -> None:
    _warn(item, "accept")


def warn_reply(item) -> None:
    _warn(item, "reply")


def warned():
    """An expression for querysets of cases: True while a warning has gone out for the
    deadline now running (accept while dispatched, reply while being worked on)."""

    def sent(kind):
        return DueItem.objects.filter(
            kind=kind,
            object_id=Cast(OuterRef("pk"), CharField()),
            reminded_at__isnull=False,
            done_at__isnull=True,
        )

    return (Q(status=Status.DISPATCHED, accept_due__gt=clock.now()) & Exists(sent(ACCEPT))) | (
        Q(status__in=[Status.DISPATCHED, Status.IN_PROGRESS], reply_due__gt=clock.now())
        & Q(paused_at__isnull=True)
        & Exists(sent(REPLY))
    )


def is_warned(case: Case) -> bool:
    return Case.objects.filter(warned(), pk=case.pk).exists()


def register() -> None:
    clock.register(
        ACCEPT, on_due=warn_accept, on_due_many=lambda items: _warn_many(items, "accept")
    )
    clock.register(REPLY, on_due=warn_reply, on_due_many=lambda items: _warn_many(items, "reply"))

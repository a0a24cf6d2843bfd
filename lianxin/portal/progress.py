"""Where a case stands, in the words a citizen reads on the confirmation and tracking pages:
the state, who has it, the deadline that binds us and what happens next (as the misconduct
receipt says when acceptance is decided).

A web submission nobody has looked at yet is "submitted, awaiting acceptance" (已提交，待受理),
never 已受理: it is accepted for handling when the dispatcher sends it to a unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lianxin.cases import deadlines
from lianxin.cases.models import Case, Status
from lianxin.core import clock

STATUS_WORDS = {
    Status.DISPATCHED: _("Accepted, passed to the unit in charge"),
    Status.REPLIED: _("Answered, awaiting your rating"),
}


@dataclass(frozen=True)
class Progress:
    status: str | Promise
    unit_label: str | Promise
    unit: str
    due_label: str | Promise
    due: datetime | None
    overdue: bool
    next_step: str | Promise


def public_status(case: Case) -> str | Promise:
    """The state as the public reads it."""
    if case.status == Status.RECEIVED:
        if case.received_by_id is None:
            return _("Submitted, awaiting acceptance")
        return _("Registered, awaiting acceptance")
    if case.status == Status.REPLIED and case.rated_at is not None:
        return _("Answered and rated")
    return STATUS_WORDS.get(Status(case.status), case.get_status_display())


def of(case: Case, *, at: datetime | None = None) -> Progress:
    """What the citizen is told about his case now."""
    at = at or clock.now()
    status = public_status(case)
    unit = case.lead_unit.name if case.lead_unit else ""
    handled_by = _("Handled by")
    if case.status == Status.RECEIVED:
        days = getattr(settings, "LIANXIN_DISPATCH_WORKDAYS", 1)
        return Progress(
            status=status,
            unit_label=_("Being reviewed by"),
            unit=case.root.name,
            due_label=_("Reply due by"),
            due=deadlines.reply_due(case),
            overdue=False,
            next_step=_(
                "Within %(n)s working day(s) we review it and pass it to the unit in charge, "
                "which answers you by the date above."
            )
            % {"n": days},
        )
    if case.status in (Status.DISPATCHED, Status.IN_PROGRESS):
        if case.paused_at:
            return Progress(
                status=_("Waiting for your information"),
                unit_label=handled_by,
                unit=unit,
                due_label=_("Reply due by"),
                due=None,
                overdue=False,
                next_step=_(
                    "We need more information from you: send it with the form on this page. "
                    "The time limit stops until it arrives."
                ),
            )
        late = bool(case.reply_due and case.reply_due < at)
        step = (
            _("The unit signs for it and handles it, and answers you by the date above.")
            if case.status == Status.DISPATCHED
            else _("The unit is handling it and answers you by the date above.")
        )
        if late:
            step = _(
                "The answer is late: the time limit has passed, and the organisation's "
                "supervisors are pressing the unit to answer."
            )
        return Progress(status, handled_by, unit, _("Reply due by"), case.reply_due, late, step)
    if case.status == Status.REPLIED:
        if case.rated_at is not None:
            return Progress(
                status,
                handled_by,
                unit,
                "",
                None,
                False,
                _(
                    "Thank you for your rating. The supervisors look again at an answer you "
                    "were not satisfied with and tell you what they decide."
                ),
            )
        return Progress(
            status,
            handled_by,
            unit,
            _("Rate by"),
            deadlines.autoclose_at(case.replied_at) if case.replied_at else None,
            False,
            _(
                "Read the answer and rate it with the form on this page. Without a rating the "
                "case is closed on the date above."
            ),
        )
    words: dict[str, str | Promise] = {
        Status.CLOSED: _("The case is closed. Thank you for writing to us."),
        Status.WITHDRAWN: _("You withdrew this case; nothing more is done on it."),
        Status.MERGED: _(
            "It is about the same matter as an earlier case and is handled with it; that "
            "case's answer is yours too."
        ),
        Status.DECLINED: _("It was not accepted for handling: %(reason)s.")
        % {"reason": case.get_decline_reason_display() or "—"},
        Status.TRANSFERRED: _("The discipline office handles it under its own rules."),
    }
    return Progress(status, handled_by, unit, "", None, False, words.get(Status(case.status), ""))

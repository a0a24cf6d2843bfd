"""督办单: the organ's supervisor names what he expects of the lead unit on a case and by
when; the lead unit must answer (反馈); an unanswered order is reminded at its deadline and
escalated to the organ's leaders. A flagged order (挂牌督办) puts the case on the public
notice with its deadline until a supervisor lifts it with a reason."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from lianxin.cases import access as case_access
from lianxin.cases import actions as case_actions
from lianxin.cases import notices as case_notices
from lianxin.cases import workflow as wf
from lianxin.cases.models import Case, Status, Supervision
from lianxin.core import clock
from lianxin.core.audit import record_event
from lianxin.core.errors import ApplicationError
from lianxin.core.text import clean_text
from lianxin.core.workdays import end_of_day

from .. import deadlines, notices
from ..models import Order
from .base import me, today

KIND = "supervision.order"


def order_issue(
    *,
    case: Case,
    expected: str,
    workdays: int | None = None,
    due_on: date | None = None,
    flagged: bool = False,
    actor,
) -> Order:
    person = me(actor)
    if wf.SUPERVISOR not in case_access.case_roles(actor, case):
        raise PermissionDenied
    expected = clean_text(expected, field="expected", label=_("What is expected"), limit=2000)
    if case.status not in (Status.DISPATCHED, Status.IN_PROGRESS) or case.lead_unit_id is None:
        raise ApplicationError(
            _("Only a case being handled by a unit can be supervised."), code="wrong_state"
        )
    if due_on is not None:
        if due_on <= today():
            raise ApplicationError(_("The feedback deadline must be after today."), field="due_on")
        due_at = end_of_day(due_on)
    elif isinstance(workdays, int) and 1 <= workdays <= 60:
        due_at = deadlines.rectify_by(clock.now(), workdays)
    else:
        raise ApplicationError(
            _("Give the feedback deadline: 1 to 60 working days, or a date."), field="workdays"
        )
    if case.orders.filter(feedback_at=None, lifted_at=None).exists():
        raise ApplicationError(_("An earlier supervision order is still waiting for feedback."))
    level = Supervision.FLAGGED if flagged else Supervision.SUPERVISED
    with transaction.atomic():
        if case.supervision < level:
            case = case_actions.case_supervise(case=case, level=level, note=expected, actor=actor)
        order = Order.objects.create(
            case=case, expected=expected, due_at=due_at, flagged=flagged, issued_by=person
        )
        clock.schedule(KIND, order.pk, due_at, deadlines.escalate_at(due_at))
        record_event(
            actor=actor,
            action="supervision.order_issue",
            obj=order,
            after={"due_at": due_at.isoformat(), "flagged": flagged},
        )
        notices.tell(
            case_notices.handlers_and_leaders(case),
            case,
            _("Supervision order: feedback due"),
            notices.order_url(case),
        )
    return order


def order_feedback(*, order: Order, text: str, actor) -> Order:
    """The lead unit answers the order (its handler or leader)."""
    me(actor)
    case = order.case
    roles = case_access.case_roles(actor, case)
    if not roles & {wf.HANDLER, wf.UNIT_LEADER}:
        if roles:
            raise ApplicationError(
                _("This supervision order is addressed to %(unit)s; only its people answer it.")
                % {"unit": getattr(case.lead_unit, "name", "")},
                code="not_addressee",
            )
        raise PermissionDenied
    text = clean_text(text, field="text", label=_("The feedback"), limit=900)
    with transaction.atomic():
        locked = Order.objects.select_for_update().get(pk=order.pk)
        if locked.feedback_at is not None or locked.lifted_at is not None:
            raise ApplicationError(_("This supervision order has already been answered."))
        locked.feedback, locked.feedback_at, locked.feedback_by = text, clock.now(), me(actor)
        locked.save(update_fields=["feedback", "feedback_at", "feedback_by", "updated_at"])
        case_actions.case_note(
            case=case, note=_("Feedback to supervision: %(t)s") % {"t": text}, actor=actor
        )
        clock.finish(KIND, locked.pk)
        record_event(actor=actor, action="supervision.order_feedback", obj=locked)
        notices.tell(
            [locked.issued_by.user],
            case,
            _("Supervision feedback received"),
            notices.order_url(case),
        )
    return locked


def order_lift(*, order: Order, reason: str, actor) -> Order:
    """A supervisor lifts a flagged supervision (摘牌) with a reason; the case leaves the
    public notice."""
    person = me(actor)
    case = order.case
    if wf.SUPERVISOR not in case_access.case_roles(actor, case):
        raise PermissionDenied
    reason = clean_text(reason, field="reason", label=_("The reason"), limit=1000)
    if not order.flagged or order.lifted_at is not None:
        raise ApplicationError(_("Only a flagged supervision that is still on can be lifted."))
    with transaction.atomic():
        locked = Order.objects.select_for_update().get(pk=order.pk)
        if case.supervision == Supervision.FLAGGED:
            case_actions.case_lift_flag(case=case, reason=reason, actor=actor)
        locked.lifted_at, locked.lifted_by, locked.lift_reason = clock.now(), person, reason
        locked.save(update_fields=["lifted_at", "lifted_by", "lift_reason", "updated_at"])
        clock.finish(KIND, locked.pk)
        record_event(actor=actor, action="supervision.order_lift", obj=locked)
    return locked

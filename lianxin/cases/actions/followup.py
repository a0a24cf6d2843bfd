"""After the reply: rating and callback, review of unsatisfied ratings, reopening,
verification of internal problems, closing by time, appeals, reminders and supervision,
notes, and the citizen's switch for messages."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from lianxin.core import clock
from lianxin.core.actor import Actor, as_actor
from lianxin.core.audit import record_event
from lianxin.core.errors import ApplicationError
from lianxin.org.models import Role

from .. import deadlines, notices
from ..models import Appeal, Case, Rating, Supervision
from ..timeline import add_event
from .base import MAX_REASON, UNSATISFIED_MAX, _open, _person, _save, _schedule_reply, _text

CLOCK = Actor.system("clock")


def case_rate(
    *, case: Case, rating: int, solved: bool, comment: str = "", actor, version=None
) -> Case:
    """The citizen rates online, or an operator records the callback (回访).

    A rating of 3 or more closes the case; 1 or 2 goes to a supervisor for review.
    """
    comment = _text(comment, field="comment", label=_("The comment"), required=False, limit=500)
    if rating not in Rating.values:
        raise ApplicationError(_("Choose one of the five ratings."), field="rating")
    if not isinstance(solved, bool):
        raise ApplicationError(_("Say whether the matter was solved."), field="solved")
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if locked.rated_at is not None:
            raise ApplicationError(_("This case has already been rated."), code="rated")
        unsatisfied = rating <= UNSATISFIED_MAX
        case, step = _open(case, "rate_unsatisfied" if unsatisfied else "rate", actor, version)
        at = clock.now()
        case.rating, case.solved, case.rated_at = rating, solved, at
        case.review_pending = unsatisfied
        if not unsatisfied:
            case.closed_at = at
        _save(
            case,
            step,
            actor,
            action="rate" if as_actor(actor).is_citizen else "callback",
            note=comment,
            public=True,
            data={"rating": rating, "solved": solved},
        )
        clock.finish("case.autoclose", case.pk)
        if unsatisfied:
            notices.tell_staff(
                notices.org_role(case, Role.SUPERVISOR), case, _("Unsatisfied rating to review")
            )
    return case


def case_confirm(*, case: Case, note: str = "", actor, version=None) -> Case:
    """A supervisor reviews an unsatisfied rating and confirms the reply: the case closes."""
    note = _text(note, field="note", label=_("The note"), required=False, limit=MAX_REASON)
    with transaction.atomic():
        case, step = _open(case, "confirm", actor, version)
        if not case.review_pending:
            raise ApplicationError(_("There is no unsatisfied rating to review."))
        case.review_pending = False
        case.closed_at = clock.now()
        _save(case, step, actor, note=note, public=True)
        notices.tell_citizen(case, _("closed after review."))
    return case


def _reopen(case: Case, step, actor, reason: str, action: str) -> Case:
    limits = deadlines.limits_for(case)
    at = clock.now()
    case.reply_due = deadlines.due_after(
        at, hours=limits.reply_hours, workdays=limits.reply_workdays
    )
    previous = {"rating": case.rating, "solved": case.solved}
    case.rating = case.solved = case.rated_at = case.closed_at = None
    case.review_pending = False
    case.paused_at = None
    case.reopen_count += 1
    _save(case, step, actor, action=action, note=reason, public=True, data=previous)
    clock.finish("case.autoclose", case.pk)
    _schedule_reply(case)
    notices.tell_staff(notices.handlers_and_leaders(case), case, _("Case to handle again"))
    return case


def case_reopen(*, case: Case, reason: str, actor, version=None) -> Case:
    """A supervisor sends a replied or closed case back to the lead unit (重办)."""
    reason = _text(reason, field="reason", label=_("The reason"), limit=MAX_REASON)
    with transaction.atomic():
        case, step = _open(case, "reopen", actor, version)
        _reopen(case, step, actor, reason, "reopen")
        notices.tell_citizen(case, _("will be handled again."))
    return case


def case_verify(*, case: Case, note: str = "", actor, version=None) -> Case:
    """The issuer of an internal problem accepts the rectification."""
    note = _text(note, field="note", label=_("The note"), required=False, limit=MAX_REASON)
    with transaction.atomic():
        case, step = _open(case, "verify", actor, version)
        case.closed_at = clock.now()
        _save(case, step, actor, note=note)
    return case


def case_reject(*, case: Case, reason: str, actor, version=None) -> Case:
    """The issuer finds the rectification insufficient: the unit works on it again."""
    reason = _text(reason, field="reason", label=_("The reason"), limit=MAX_REASON)
    with transaction.atomic():
        case, step = _open(case, "reject", actor, version)
        _reopen(case, step, actor, reason, "reject")
    return case


def case_autoclose(*, case: Case) -> Case | None:
    """Close a replied case the citizen did not rate within 7 days (counted as unrated)."""
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        if locked.rated_at is not None or locked.review_pending:
            return None
        case, step = _open(case, "autoclose", CLOCK, None)
        case.closed_at = clock.now()
        case.unrated_close = True
        _save(case, step, CLOCK, public=True)
        notices.tell_citizen(case, _("closed."))
    return case


def case_appeal(*, case: Case, reason: str, actor, version=None) -> Appeal:
    """The lead unit contests a rating it thinks malicious (申诉)."""
    reason = _text(reason, field="reason", label=_("The reason"), limit=MAX_REASON)
    with transaction.atomic():
        case, step = _open(case, "appeal", actor, version)
        if case.rating is None or case.rating > UNSATISFIED_MAX:
            raise ApplicationError(_("Only an unsatisfied rating can be appealed."))
        if case.appeals.exists():
            raise ApplicationError(_("This rating has already been appealed."))
        person = _person(actor)
        if person is None:
            raise ApplicationError(_("Only staff can appeal a rating."))
        appeal = Appeal.objects.create(case=case, requested_by=person, reason=reason)
        _save(case, step, actor, note=reason)
        notices.tell_staff(
            notices.org_role(case, Role.SUPERVISOR), case, _("Rating appeal to decide")
        )
    return appeal


def case_decide_appeal(*, case: Case, uphold: bool, note: str = "", actor, version=None):
    note = _text(note, field="note", label=_("The note"), required=False, limit=MAX_REASON)
    with transaction.atomic():
        case, step = _open(case, "decide_appeal", actor, version)
        appeal = case.appeals.filter(state=Appeal.State.PENDING).first()
        if appeal is None:
            raise ApplicationError(_("No appeal is waiting for a decision."))
        appeal.state = Appeal.State.UPHELD if uphold else Appeal.State.REJECTED
        appeal.decided_by = _person(actor)
        appeal.decided_at = clock.now()
        appeal.save()
        case.rating_excluded = uphold
        case.rating_excluded_reason = (note or appeal.reason)[:1000] if uphold else ""
        _save(case, step, actor, note=note, data={"upheld": uphold})
        notices.tell_staff(
            [appeal.requested_by.user],
            case,
            _("Appeal upheld") if uphold else _("Appeal rejected"),
        )
    return appeal


def case_remind(*, case: Case, note: str = "", actor, version=None) -> Case:
    """催办: the deadline has passed (the clock) or a supervisor presses by hand."""
    note = _text(note, field="note", label=_("The note"), required=False, limit=MAX_REASON)
    with transaction.atomic():
        case, step = _open(case, "remind", actor, version)
        case.supervision = max(case.supervision, Supervision.REMINDED)
        case.reminder_count += 1
        _save(case, step, actor, note=note)
        notices.tell_staff(notices.handlers_and_leaders(case), case, _("Reminder: overdue"))
    return case


def case_supervise(*, case: Case, level: int, note: str = "", actor, version=None) -> Case:
    """督办 (level 2) or 挂牌督办 (level 3) by the organ; public notice from level 2 on the
    clock's escalation and always for flagged supervision."""
    note = _text(note, field="note", label=_("The note"), required=False, limit=MAX_REASON)
    if level not in (Supervision.SUPERVISED, Supervision.FLAGGED):
        raise ApplicationError(_("Choose supervision or flagged supervision."), field="level")
    with transaction.atomic():
        case, step = _open(case, "supervise", actor, version)
        if level <= case.supervision:
            raise ApplicationError(_("The case is already under this level of supervision."))
        case.supervision = level
        case.supervision_count += 1
        case.public_notice = case.public_notice or as_actor(actor).is_system or level == 3
        _save(case, step, actor, note=note, public=case.public_notice, data={"level": level})
        notices.tell_staff(
            notices.handlers_and_leaders(case) + notices.org_role(case, Role.LEADER),
            case,
            str(Supervision(level).label),
        )
    return case


def case_note(*, case: Case, note: str, actor, version=None, files=()) -> Case:
    """An internal note (a co-unit's opinion, a call made, a citizen's later mail with its
    files, ...); the state does not change."""
    note = _text(note, field="note", label=_("The note"), limit=MAX_REASON)
    with transaction.atomic():
        case, step = _open(case, "note", actor, None)
        _save(case, step, actor, note=note, files=files)
    return case


def case_citizen_messages(*, case: Case, enabled: bool) -> Case:
    """The citizen switches the step-by-step messages on or off."""
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        case.notify_citizen = enabled
        case.version += 1
        case.save(update_fields=["notify_citizen", "version", "updated_at"])
        add_event(
            case, "messages_on" if enabled else "messages_off", Actor.citizen("portal"), public=True
        )
    return case


def case_contact_view(*, case: Case, actor) -> dict:
    """Show the citizen's full name and phone to someone entitled, and record that he saw it."""
    record_event(actor=actor, action="case.contact_viewed", obj=case)
    return {
        "name": case.citizen_name,
        "phone": case.citizen_phone,
        "email": case.citizen_email,
    }

"""The lead unit's work: accept, assign, pause and resume, extensions, reply."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from lianxin.core import clock
from lianxin.core.actor import as_actor
from lianxin.core.errors import ApplicationError
from lianxin.org.models import Person, Role

from .. import access, deadlines, extensions, notices, warnings
from ..models import Case, Extension, Kind
from .base import (
    MAX_REASON,
    _due,
    _filled_in,
    _lead,
    _open,
    _person,
    _save,
    _schedule_reply,
    _text,
)
from .intake import _check_handler

# ---------------------------------------------------------------- handling


def case_accept(*, case: Case, actor, version=None) -> Case:
    with transaction.atomic():
        case, step = _open(case, "accept", actor, version)
        case.accepted_at = now = clock.now()
        if case.handler_id is None:
            person = _person(actor)
            if (
                person is not None
                and person.grants.filter(unit=case.lead_unit, role=Role.HANDLER).exists()
            ):
                case.handler = person
        case.accepted_in_time = now <= _due(case.accept_due)
        _save(case, step, actor, public=True, data={"late": not case.accepted_in_time})
        clock.finish("case.accept", case.pk)
        warnings.finish(case, warnings.ACCEPT)
    return case


def case_assign(*, case: Case, handler: Person, actor, version=None) -> Case:
    with transaction.atomic():
        case, step = _open(case, "assign", actor, version)
        case.handler = _check_handler(_lead(case), handler)
        _save(case, step, actor, data={"handler": handler.pk})
        notices.tell_staff([handler.user], case, _("Case assigned to you"))
    return case


def case_pause(*, case: Case, question: str, actor, version=None) -> Case:
    """Ask the citizen for more information (补正); the reply clock stops."""
    question = _text(question, field="question", label=_("The question"), limit=MAX_REASON)
    with transaction.atomic():
        case, step = _open(case, "pause", actor, version)
        if case.paused_at:
            raise ApplicationError(_("The case is already waiting for the citizen."))
        case.paused_at = clock.now()
        _save(case, step, actor, note=question, public=True)
        clock.finish("case.reply", case.pk)
        notices.tell_citizen(case, _("we need more information: %(q)s") % {"q": question[:200]})
    return case


def case_resume(*, case: Case, note: str = "", actor, version=None, files=()) -> Case:
    """The information has come (from the citizen or by phone); the clock runs again."""
    note = _text(
        note, field="note", label=_("The information"), required=as_actor(actor).is_citizen
    )
    with transaction.atomic():
        case, step = _open(case, "resume", actor, version)
        if not case.paused_at:
            raise ApplicationError(_("The case is not waiting for the citizen."))
        days = deadlines.paused_workdays(case.paused_at, clock.now())
        if days:
            case.reply_due = deadlines.extend(_due(case.reply_due), days)
        case.paused_at = None
        _save(
            case, step, actor, note=note, public=True, data={"paused_workdays": days}, files=files
        )
        _schedule_reply(case)
        if as_actor(actor).is_citizen:
            notices.tell_staff(notices.handlers_and_leaders(case), case, _("Citizen answered"))
    return case


def case_request_extension(
    *, case: Case, workdays: int, reason: str, actor, version=None
) -> Extension:
    reason = _text(reason, field="reason", label=_("The reason"), limit=MAX_REASON)
    if not isinstance(workdays, int) or not 1 <= workdays <= 30:
        raise ApplicationError(_("Ask for 1 to 30 working days."), field="workdays")
    with transaction.atomic():
        case, step = _open(case, "request_extension", actor, version)
        if case.reply_due is None or clock.now() > case.reply_due:
            raise ApplicationError(
                _("The deadline has passed: an extension must be asked before it."),
                code="too_late",
            )
        if case.extensions.filter(state=Extension.State.PENDING).exists():
            raise ApplicationError(_("An extension request is already waiting for a decision."))
        person = _person(actor)
        if person is None:
            raise ApplicationError(_("Only staff can ask for an extension."))
        extension = Extension.objects.create(
            case=case, requested_by=person, reason=reason, workdays=workdays
        )
        _save(case, step, actor, note=reason, data={"workdays": workdays})
        notices.tell_staff(extensions.deciders(case), case, _("Extension requested"))
    return extension


def case_decide_extension(
    *, case: Case, approve: bool, note: str = "", actor, version=None
) -> Extension:
    note = _text(note, field="note", label=_("The note"), required=False, limit=200)
    extensions.check_decider(case, actor, access.case_roles(actor, case))
    with transaction.atomic():
        case, step = _open(case, "decide_extension", actor, version)
        extension = case.extensions.filter(state=Extension.State.PENDING).first()
        if extension is None:
            raise ApplicationError(_("No extension request is waiting for a decision."))
        extension.state = Extension.State.APPROVED if approve else Extension.State.REFUSED
        extension.decided_by = _person(actor)
        extension.decided_at = clock.now()
        extension.decision_note = note
        extension.save()
        if approve:
            case.reply_due = deadlines.extend(_due(case.reply_due), extension.workdays)
            case.extension_count += 1
        _save(
            case,
            step,
            actor,
            note=note,
            public=approve,
            data={"approved": approve, "workdays": extension.workdays},
        )
        if approve:
            _schedule_reply(case)
        notices.tell_staff(
            [extension.requested_by.user],
            case,
            _("Extension approved") if approve else _("Extension refused"),
        )
    return extension


def case_reply(
    *, case: Case, reply: str, reusable: bool = False, actor, version=None, files=()
) -> Case:
    """The lead unit's reply; `files` (photos of the result, `core.files.Accepted`) go with
    the public reply entry. A stock answer's unfilled placeholder is refused."""
    reply = _filled_in(_text(reply, field="reply", label=_("The reply")), field="reply")
    with transaction.atomic():
        case, step = _open(case, "reply", actor, version)
        if case.paused_at:
            raise ApplicationError(
                _("The case is waiting for the citizen's information; resume it first.")
            )
        at = clock.now()
        case.reply, case.reply_reusable, case.replied_at = reply, reusable, at
        late = bool(case.reply_due and at > case.reply_due)
        if case.first_replied_at is None:  # a reply after a reopen keeps the first one's fact
            case.first_replied_at, case.replied_in_time = at, not late
        _save(case, step, actor, note=reply, public=True, data={"late": late}, files=files)
        clock.finish("case.reply", case.pk)
        warnings.finish(case, warnings.REPLY)
        if case.kind == Kind.PROBLEM:
            if case.issuer is not None:
                notices.tell_staff([case.issuer.user], case, _("Rectification reported"))
        else:
            clock.schedule("case.autoclose", case.pk, deadlines.autoclose_at(at))
            notices.tell_citizen(case, _("replied. Please rate the reply."))
    return case

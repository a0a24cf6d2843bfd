"""The rectification ledger (问题整改台账): the responsible unit's plan (责任领导, 责任人,
整改措施, 整改时限), progress reports with evidence, the report that it is done, and the
issuer's acceptance (验收) with sign-off (销号) or refusal.

The ledger row hangs on the problem case; the case's own steps (accept, assign, reply,
verify, reject) are taken through the case actions, so the case timeline and the ledger
never disagree. The rectification period replaces the case's reply clock: one due item per
problem (`rectification.due`), reminded at the deadline and escalated up the chain.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from lianxin.cases import access as case_access
from lianxin.cases import actions as case_actions
from lianxin.cases import workflow as wf
from lianxin.cases.models import Case, Kind, Status
from lianxin.core import clock
from lianxin.core.audit import record_event
from lianxin.core.errors import ApplicationError
from lianxin.core.text import clean_text
from lianxin.core.workdays import end_of_day, workdays_between
from lianxin.org.models import Person, Role, RoleGrant

from .. import deadlines, notices
from ..models import Evidence, ProgressReport, Rectification
from .base import me, today

DUE = "rectification.due"


def _problem(case: Case) -> Case:
    if case.kind != Kind.PROBLEM:
        raise ApplicationError(_("Only internal problems have a rectification ledger."))
    return case


def _check_people(
    case: Case, leader: Person | None, person: Person | None
) -> tuple[Person, Person]:
    """The leader and the person responsible, once both are known to be fit for the unit."""
    unit = case.lead_unit
    if unit is None:
        raise ApplicationError(_("The problem has not been given to a unit yet."))
    if person is None:
        raise ApplicationError(_("Name the person responsible."), field="person")
    if not person.is_active or not person.unit.path.startswith(unit.path):
        raise ApplicationError(
            _("The person responsible must be active staff of %(unit)s.") % {"unit": unit.name},
            field="person",
        )
    if leader is None:
        raise ApplicationError(_("Name the leader responsible."), field="leader")
    leads = RoleGrant.objects.filter(
        person=leader, role=Role.LEADER, unit_id__in=unit.ancestor_ids
    ).exists()
    if not leader.is_active or not leads:
        raise ApplicationError(
            _("The leader responsible must lead %(unit)s or a unit above it.")
            % {"unit": unit.name},
            field="leader",
        )
    return leader, person


def rectification_plan(
    *,
    case: Case,
    leader: Person | None,
    person: Person | None,
    measures: str,
    workdays: int | None = None,
    due_on: date | None = None,
    actor,
) -> Rectification:
    """The lead unit's leader sets who answers for the problem, the measures and the period
    (in working days from today, or a date). The case is accepted and assigned to the person
    responsible if it was not yet."""
    _problem(case)
    planner = me(actor)
    roles = case_access.case_roles(actor, case)
    if wf.UNIT_LEADER not in roles:
        raise PermissionDenied
    if case.status not in (Status.DISPATCHED, Status.IN_PROGRESS):
        raise ApplicationError(
            _("A rectification is planned while the problem is being worked on."),
            code="wrong_state",
        )
    measures = clean_text(measures, field="measures", label=_("The measures"), limit=3000)
    leader, person = _check_people(case, leader, person)
    start = clock.now()
    if due_on is not None:
        if due_on <= today():
            raise ApplicationError(
                _("The rectification deadline must be after today."), field="due_on"
            )
        workdays = workdays_between(today(), due_on)
        due_at = end_of_day(due_on)
    else:
        if not isinstance(workdays, int) or not 1 <= workdays <= deadlines.MAX_WORKDAYS:
            raise ApplicationError(
                _("Give the rectification period: 1 to %(n)s working days.")
                % {"n": deadlines.MAX_WORKDAYS},
                field="workdays",
            )
        due_at = deadlines.rectify_by(start, workdays)
    with transaction.atomic():
        if case.status == Status.DISPATCHED:
            case = case_actions.case_accept(case=case, actor=actor)
        if case.handler_id != person.pk:
            case = case_actions.case_assign(case=case, handler=person, actor=actor)
        row, created = Rectification.objects.update_or_create(
            case=case,
            defaults={
                "leader": leader,
                "person": person,
                "measures": measures,
                "workdays": max(workdays, 0),
                "due_at": due_at,
                "planned_by": planner,
            },
        )
        clock.finish("case.reply", case.pk)
        clock.finish("case.reply_warning", case.pk)
        clock.schedule(DUE, row.pk, due_at, deadlines.escalate_at(due_at))
        record_event(
            actor=actor,
            action="supervision.rectification_plan",
            obj=row,
            after={"due_at": due_at.isoformat(), "person": person.pk, "leader": leader.pk},
        )
        notices.tell([leader.user, person.user], case, _("Rectification assigned"))
    return row


def _reporter(actor, row: Rectification) -> Person:
    person = me(actor)
    roles = case_access.case_roles(actor, row.case)
    if person.pk in (row.person_id, row.leader_id) or roles & {wf.HANDLER, wf.UNIT_LEADER}:
        return person
    raise PermissionDenied


def rectification_report(
    *, rectification: Rectification, text: str, final: bool = False, files=(), actor
) -> ProgressReport:
    """A progress report with its evidence; `final` reports the rectification done (the case
    is replied and goes to the issuer for acceptance)."""
    row = rectification
    person = _reporter(actor, row)
    text = clean_text(text, field="text", label=_("The progress"), limit=3000)
    if row.signed_off_at is not None:
        raise ApplicationError(_("This rectification has been signed off."))
    with transaction.atomic():
        case = Case.objects.get(pk=row.case_id)
        if case.status != Status.IN_PROGRESS:
            raise ApplicationError(
                _("Progress is reported while the rectification is under way."),
                code="wrong_state",
            )
        if final and not files and not row.evidence.exists():
            raise ApplicationError(
                _("Attach the evidence of the rectification (photos or documents)."),
                field="files",
            )
        report = ProgressReport.objects.create(rectification=row, text=text, final=final, by=person)
        Evidence.objects.bulk_create(
            Evidence(
                rectification=row,
                report=report,
                name=f.name,
                content_type=f.content_type,
                size=f.size,
                sha256=f.sha256,
            )
            for f in files
        )
        if final:
            case_actions.case_reply(case=case, reply=text, actor=actor)
            clock.finish(DUE, row.pk)
        record_event(
            actor=actor,
            action="supervision.rectification_report",
            obj=row,
            after={"final": final, "files": len(files)},
        )
    return report


def _issuer(actor, row: Rectification) -> Person:
    person = me(actor)
    if row.case.issuer_id != person.pk:
        raise ApplicationError(
            _("Only %(name)s, who raised the problem, accepts its rectification.")
            % {"name": row.case.issuer.name if row.case.issuer is not None else "?"},
            code="not_issuer",
        )
    return person


def rectification_sign_off(*, rectification: Rectification, note: str = "", actor):
    """验收销号: the issuer accepts the rectification; the problem is closed."""
    row = rectification
    person = _issuer(actor, row)
    note = clean_text(note, field="note", label=_("The opinion"), required=False, limit=1000)
    with transaction.atomic():
        locked = Rectification.objects.select_for_update().get(pk=row.pk)
        if locked.signed_off_at is not None:
            raise ApplicationError(_("This rectification has already been signed off."))
        if not locked.evidence.exists():
            raise ApplicationError(
                _("There is no evidence of the rectification: it cannot be signed off.")
            )
        case_actions.case_verify(case=locked.case, note=note, actor=actor)
        locked.signed_off_at, locked.signed_off_by = clock.now(), person
        locked.sign_off_note = note
        locked.save(update_fields=["signed_off_at", "signed_off_by", "sign_off_note", "updated_at"])
        clock.finish(DUE, locked.pk)
        record_event(actor=actor, action="supervision.rectification_sign_off", obj=locked)
        notices.tell([locked.person.user, locked.leader.user], locked.case, _("Signed off"))
    return locked


def rectification_reject(*, rectification: Rectification, reason: str, actor):
    """The issuer finds the rectification insufficient: it goes back to the unit, on the
    same deadline."""
    row = rectification
    _issuer(actor, row)
    reason = clean_text(reason, field="reason", label=_("The reason"), limit=1000)
    with transaction.atomic():
        case_actions.case_reject(case=row.case, reason=reason, actor=actor)
        clock.finish("case.reply", row.case_id)
        clock.finish("case.reply_warning", row.case_id)
        clock.schedule(DUE, row.pk, row.due_at, deadlines.escalate_at(row.due_at))
        record_event(actor=actor, action="supervision.rectification_reject", obj=row)
        notices.tell([row.person.user, row.leader.user], row.case, _("Rectification not accepted"))
    return row

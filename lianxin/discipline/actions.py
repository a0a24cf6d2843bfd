"""Changes in discipline work: one transaction each, recorded in the report's own record and
in the audit log (which holds the report number only), notices after commit."""

from __future__ import annotations

import logging
import re
import secrets
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lianxin.core import clock, deadlines
from lianxin.core.actor import Actor, as_actor, is_system, login_of
from lianxin.core.audit import record_event
from lianxin.core.errors import ApplicationError
from lianxin.core.notify import notify_staff
from lianxin.core.text import clean_text
from lianxin.org.access import person_of
from lianxin.org.models import Person, Unit
from lianxin.org.validators import normalize_phone
from lianxin.rules.models import Clause

from . import access, sealing
from .models import (
    MEASURES_BY_KIND,
    Disposition,
    Evidence,
    Measure,
    Penalty,
    PenaltyKind,
    PublicNotice,
    Report,
    ReportEvent,
    ReportMessage,
    Status,
    WorkStyle,
    day_of,
)

logger = logging.getLogger(__name__)

ACCEPT_WORKDAYS = 15
FEEDBACK_WORKDAYS = 15
ESCALATE_WORKDAYS = 5  # unaccepted this long after its due time, a report moves one step up
KEEP = object()  # report_accept: confirm the person reported as he stands
CLAUSE_RE = re.compile(r"(?:rules/)?([a-z0-9][a-z0-9-]{1,39})/(\d{1,3})(?:/(\d{1,2}))?/?$")


REPORTER = Actor.citizen("report")  # the reporter, known by his receipt only


def _text(value, field, label, *, required=True, limit=5000):
    return clean_text(value, field=field, label=label, required=required, limit=limit)


def find_clause(root: Unit, citation: str) -> Clause | None:
    """A clause in force from "code/article[/paragraph]" or a link to it; None if empty."""
    citation = (citation or "").strip().split("#")[0].split("?")[0]
    if not citation:
        return None
    m = CLAUSE_RE.search(citation)
    clause = None
    if m:
        clause = (
            Clause.objects.filter(
                version__regulation__root=root,
                version__regulation__code=m.group(1),
                version__status="in_force",
                article=int(m.group(2)),
                paragraph=int(m.group(3) or 1),
            )
            .select_related("version__regulation")
            .first()
        )
    if clause is None:
        raise ApplicationError(
            _(
                "No clause in force matches this citation. Copy the link of the clause from the "
                "regulations page, or leave it empty."
            ),  # fmt: skip
            field="clause",
        )
    return clause


def _log(report: Report, action: str, actor, note: str = "") -> None:
    """The report's own record and the audit log; what the reporter does (`REPORTER`) is
    recorded in the report's record only, with its day, so that no row ties a report or a
    message to a time finer than the day."""
    by_reporter = as_actor(actor).is_citizen
    ReportEvent.objects.create(
        report=report,
        at=day_of(clock.now()) if by_reporter else clock.now(),
        actor=login_of(actor),
        action=action,
        note=note,
    )
    if not by_reporter:
        record_event(actor=actor, action=f"discipline.{action}", obj=report)


def _tell_handlers(report: Report, title: str, route: str | None = None) -> None:
    people = access.handlers(report, route)
    if not people:
        logger.error("discipline report %s has nobody left to handle it", report.number)
    notify_staff(
        [p.user for p in people],
        title=f"{title} {report.number}",
        url=reverse("workbench:report_detail", args=[report.pk]),
    )


def _tell_handlers_tomorrow(report: Report) -> None:
    """New reports and reporters' messages reach the handlers' inbox through the clock at
    the start of the next day: an inbox row written at the moment of sending would date
    what the reporter did to the second."""
    tomorrow = day_of(clock.now()) + timedelta(days=1, minutes=1)
    clock.schedule("discipline.tell", report.pk, tomorrow)


def _tell_reporter(report: Report, text: str) -> None:
    """An SMS to a named reporter; the task gets the report id, never the number."""
    if report.anonymous:
        return
    from .tasks import tell_reporter

    transaction.on_commit(lambda: tell_reporter.enqueue(report.pk, text))


EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif",
              "image/webp": ".webp", "application/pdf": ".pdf"}  # fmt: skip


def _keep_evidence(report: Report, files, message=None) -> None:
    """Rows for files already checked and stored by core.files. A reporter's file keeps a
    plain name (evidence-1.jpg): the name his phone gave it (IMG_20261203_101523.jpg)
    dates it."""
    start = report.evidence.count()
    Evidence.objects.bulk_create(
        Evidence(
            report=report, message=message, content_type=f.content_type, size=f.size,
            sha256=f.sha256,
            name=f"evidence-{start + i}{EXTENSIONS.get(f.content_type, '')}",
        )
        for i, f in enumerate(files, start=1)
    )  # fmt: skip


def _accused_of(root: Unit, person) -> Person | None:
    """The person the reporter picked from the roster, checked."""
    if person is None or person == "":
        return None
    if not isinstance(person, Person):
        person = Person.objects.filter(pk=person).select_related("unit").first()
    if person is None or person.unit.root_id != root.pk or not person.is_active:
        raise ApplicationError(_("Choose the person from the list."), field="accused_person")
    return person


def _mention(report: Report, *texts: str) -> None:
    """Keep away everyone of the roster whose name the reporter's text mentions."""
    found = [
        p for p in access.mentioned_people(report.root, *texts) if p.pk != report.accused_person_id
    ]
    if found:
        report.mentioned.add(*found)


def report_submit(
    *,
    root: Unit,
    accused_unit: Unit,
    accused_text: str = "",
    accused_person: Person | int | None = None,
    what: str,
    when_text: str = "",
    where: str = "",
    clause: str = "",
    name: str = "",
    phone: str = "",
    contact: str = "",
    files=(),
) -> tuple[Report, str]:
    """A report from the public; returns it with its receipt (shown once). The person
    reported is picked from the roster (`accused_person`); whoever the text names is kept
    away from the report too, until an inspector confirms who is reported."""
    if accused_unit is None or accused_unit.root_id != root.pk:
        raise ApplicationError(_("Choose the unit from the list."), field="accused_unit")
    what = _text(what, "what", _("The problem reported"))
    accused_text = _text(
        accused_text, "accused_text", _("Person reported"), required=False, limit=100
    )
    when_text = _text(when_text, "when_text", _("When"), required=False, limit=100)
    where = _text(where, "where", _("Where"), required=False, limit=200)
    clause_obj = find_clause(root, clause)
    name = _text(name, "name", _("Your name"), required=False, limit=50)
    phone = normalize_phone(phone, field="phone")
    contact = _text(contact, "contact", _("Other contact"), required=False, limit=100)
    anonymous = not (name or phone or contact)
    if not anonymous and not (name and (phone or contact)):
        raise ApplicationError(
            _(
                "A named report needs your name and a way to reach you; or leave all three "
                "empty to report anonymously."
            ),  # fmt: skip
            field="name",
        )
    accused = _accused_of(root, accused_person)
    receipt = sealing.new_receipt()
    at = day_of(clock.now())  # the day only: see docs/discipline.md
    with transaction.atomic():
        report = Report.objects.create(
            root=root,
            number=f"JB{timezone.localdate(at):%Y%m}{secrets.randbelow(10**6):06d}",
            accused_unit=accused_unit,
            accused_person=accused,
            accused_text=accused_text,
            what=what,
            when_text=when_text,
            where=where,
            clause=clause_obj,
            anonymous=anonymous,
            receipt_digest=sealing.receipt_digest(receipt),
            reporter_sealed=""
            if anonymous
            else sealing.seal({"name": name, "phone": phone, "contact": contact}),
            received_at=at,
            accept_due=deadlines.due_after(at, workdays=ACCEPT_WORKDAYS),
        )
        _mention(report, accused_text, what, when_text, where)
        report.route = access.route_for(report)
        report.save(update_fields=["route", "mentions_relaxed"])
        _keep_evidence(report, files)
        _log(report, "received", REPORTER)
        clock.schedule(
            "discipline.accept",
            report.pk,
            report.accept_due,
            deadlines.extend(report.accept_due, ESCALATE_WORKDAYS),
        )
        _tell_handlers_tomorrow(report)
    return report, receipt


def report_by_receipt(receipt: str) -> Report | None:
    """The report of a receipt; None for a wrong, unknown or malformed one alike (the same
    scrypt work is done in every case)."""
    digits = sealing.normalize_receipt(receipt)
    digest = sealing.receipt_digest(digits.rjust(sealing.RECEIPT_DIGITS, "x"))
    if len(digits) != sealing.RECEIPT_DIGITS:
        return None
    report = Report.objects.filter(receipt_digest=digest).first()
    if report is None or not sealing.receipt_matches(digits, report.receipt_digest):
        return None
    return report


def reporter_message(*, report: Report, text: str, files=()) -> ReportMessage:
    text = _text(text, "text", _("The message"), limit=2000)
    if report.status == Status.CLOSED:
        raise ApplicationError(_("This report is closed."), field="text")
    with transaction.atomic():
        message = ReportMessage.objects.create(
            report=report, at=day_of(clock.now()), from_reporter=True, text=text
        )
        _keep_evidence(report, files, message)
        _mention(report, text)
        route = access.route_for(report, floor=report.route)
        Report.objects.filter(pk=report.pk).update(
            route=route, mentions_relaxed=report.mentions_relaxed
        )
        report.route = route
        _log(report, "reporter_message", REPORTER)
        _tell_handlers_tomorrow(report)
    return message


def _open(report: Report, actor, version, allowed: tuple[str, ...]) -> Report:
    if not access.may_handle(actor, report):
        from django.http import Http404

        raise Http404
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if version is not None and int(version) != locked.version:
        raise ApplicationError(
            _("The report was changed by someone else. Reload the page."), code="stale"
        )
    if locked.status not in allowed:
        raise ApplicationError(_("This step is not possible now."))
    locked.version += 1
    return locked


def inspector_message(*, report: Report, text: str, actor) -> ReportMessage:
    text = _text(text, "text", _("The message"), limit=2000)
    with transaction.atomic():
        report = _open(report, actor, None, tuple(Status.values))
        report.save(update_fields=["version", "updated_at"])
        message = ReportMessage.objects.create(
            report=report, at=clock.now(), from_reporter=False, author=person_of(actor), text=text
        )
        _log(report, "inspector_message", actor)
        _tell_reporter(report, _("There is a new message about your report %(n)s.")
                       % {"n": report.number})  # fmt: skip
    return message


def _confirm(report: Report, person: Person | None, actor) -> None:
    """The person reported is settled: the exclusion follows him (and no longer those the
    text merely mentions); the report moves up to whoever may now handle it (never back
    down to those it was taken from)."""
    if isinstance(person, int):
        person = Person.objects.filter(pk=person).select_related("unit").first() or ""
    if person == "" or (person is not None and person.unit.root_id != report.root_id):
        raise ApplicationError(_("Choose a person of this organisation."), field="person")
    report.accused_person = person
    report.accused_confirmed = True
    report.mentioned.clear()
    report.route = access.route_for(report, floor=report.route)  # up if need be, never down


def finish_acceptance(report: Report) -> None:
    clock.finish("discipline.accept", report.pk)
    for route in access.ROUTE_ORDER:
        clock.finish("discipline.accept", f"{report.pk}.{route}")


def report_accept(*, report: Report, actor, version=None, accused=KEEP) -> Report:
    """受理, confirming the person reported (`accused`: a Person, None for the unit only,
    or KEEP for the one the reporter picked or the inspector named); the acceptance notice
    goes to a named reporter."""
    with transaction.atomic():
        report = _open(report, actor, version, (Status.RECEIVED,))
        _confirm(report, report.accused_person if accused is KEEP else accused, actor)
        report.status = Status.ACCEPTED
        report.accepted_at = clock.now()
        report.save()
        finish_acceptance(report)
        _log(report, "accepted", actor)
        _tell_reporter(report, _("Your report %(n)s has been accepted.") % {"n": report.number})
    return report


def report_dispose(
    *, report: Report, disposition: str, category: str, note: str = "", actor, version=None
) -> Report:
    if disposition not in Disposition.values:
        raise ApplicationError(_("Choose a disposition."), field="disposition")
    if category not in WorkStyle.values:
        raise ApplicationError(_("Choose a category."), field="category")
    note = _text(note, "note", _("The note"), required=False, limit=2000)
    with transaction.atomic():
        report = _open(report, actor, version, (Status.ACCEPTED, Status.DISPOSED))
        report.status = Status.DISPOSED
        report.disposition = disposition
        report.category = category
        report.save()
        _log(report, "disposed", actor, f"{Disposition(disposition).label} {note}".strip())
    return report


def report_identify(*, report: Report, person: Person, actor, version=None) -> Report:
    """The inspector names the person reported; the report may move away from him (and from
    anyone now in conflict), or to the organ's leader."""
    if person is None or person.unit.root_id != report.root_id:
        raise ApplicationError(_("Choose a person of this organisation."), field="person")
    with transaction.atomic():
        report = _open(report, actor, version, (Status.RECEIVED, Status.ACCEPTED, Status.DISPOSED))
        _confirm(report, person, actor)
        report.save()
        _log(report, "identified", actor)
    return report


def report_escalate(*, report: Report, actor) -> Report | None:
    """The clock (`Actor.system`, nobody else): nobody accepted the report in time; it moves
    one step up the fallback (the organ's leader, then its party secretary) with a new
    acceptance deadline. None when it was accepted meanwhile or nobody is above."""
    if not is_system(actor):
        raise PermissionDenied
    with transaction.atomic():
        report = Report.objects.select_for_update().select_related("root").get(pk=report.pk)
        if report.status != Status.RECEIVED:
            return None
        route = access.next_route(report)
        if route is None:
            _tell_handlers(report, _("Acceptance is overdue"))
            return None
        report.route = route
        report.version += 1
        report.save(update_fields=["route", "mentions_relaxed", "version", "updated_at"])
        at = clock.now()
        due = deadlines.due_after(at, workdays=ESCALATE_WORKDAYS)
        clock.schedule(
            "discipline.accept",
            f"{report.pk}.{route}",
            due,
            deadlines.extend(due, ESCALATE_WORKDAYS),
        )
        ReportEvent.objects.create(report=report, at=at, action="escalated",
                                   note=route)  # fmt: skip
        record_event(actor=actor, action="discipline.escalated", obj=report)
        _tell_handlers(report, _("A misconduct report nobody accepted in time comes to you"))
    return report


def report_conclude(*, report: Report, findings: str, decision: str, actor, version=None):
    """Findings and decision: the case is concluded; the reporter is owed feedback within
    15 working days."""
    findings = _text(findings, "findings", _("The findings"))
    decision = _text(decision, "decision", _("The decision"))
    at = clock.now()
    with transaction.atomic():
        report = _open(report, actor, version, (Status.DISPOSED,))
        report.findings, report.decision = findings, decision
        report.status = Status.CONCLUDED
        report.concluded_at = at
        report.feedback_due = deadlines.due_after(at, workdays=FEEDBACK_WORKDAYS)
        report.save()
        clock.schedule("discipline.feedback", report.pk, report.feedback_due)
        _log(report, "concluded", actor)
    return report


def report_feedback(*, report: Report, feedback: str, actor, version=None) -> Report:
    feedback = _text(feedback, "feedback", _("The feedback"), limit=2000)
    with transaction.atomic():
        report = _open(report, actor, version, (Status.CONCLUDED,))
        report.feedback = feedback
        report.status = Status.CLOSED
        report.closed_at = clock.now()
        report.save()
        clock.finish("discipline.feedback", report.pk)
        ReportMessage.objects.create(
            report=report, at=report.closed_at, from_reporter=False,
            author=person_of(actor), text=feedback,
        )  # fmt: skip
        _log(report, "feedback", actor)
        _tell_reporter(report, _("The handling of your report %(n)s is concluded.")
                       % {"n": report.number})  # fmt: skip
    return report


def reporter_reveal(*, report: Report, actor) -> dict:
    """Read a named reporter's identity: allowed to the handlers, always recorded."""
    if not access.may_handle(actor, report):
        from django.http import Http404

        raise Http404
    identity = sealing.unseal(report.reporter_sealed)
    if identity is None:
        raise ApplicationError(_("This report is anonymous."))
    with transaction.atomic():
        _log(report, "identity_read", actor)
    return identity


def penalty_record(
    *,
    root: Unit,
    person: Person,
    kind: str,
    measure: str,
    category: str,
    decided_on: date,
    document_no: str,
    reason: str,
    ends_on: date | None = None,
    report_number: str = "",
    documents=(),
    actor,
) -> Penalty:
    """A penalty against a person of the organisation; `documents` (core.files.Accepted, at
    most one) is the decision document; `report_number` ties it to a report the inspector
    may handle."""
    access.require_inspector(actor, root)
    if person is None or person.unit.root_id != root.pk:
        raise ApplicationError(
            _("This person is not within the office's jurisdiction."), field="person"
        )
    if person == person_of(actor):
        raise ApplicationError(_("Nobody records a penalty against himself."), field="person")
    if kind not in PenaltyKind.values or measure not in Measure.values:
        raise ApplicationError(_("Choose the measure."), field="measure")
    if measure not in MEASURES_BY_KIND[PenaltyKind(kind)]:
        raise ApplicationError(
            _("This measure does not belong to the kind of penalty chosen."), field="measure"
        )
    if kind == PenaltyKind.PARTY and not person.is_party_member:
        raise ApplicationError(
            _(
                "Party discipline applies to party members. For a non-member choose an "
                "administrative sanction, or criticism, admonition or organisational handling."
            ),
            field="measure",
        )
    if category not in WorkStyle.values:
        raise ApplicationError(_("Choose a category."), field="category")
    if decided_on > timezone.localdate(clock.now()):
        raise ApplicationError(_("The decision date is in the future."), field="decided_on")
    if ends_on and ends_on < decided_on:
        raise ApplicationError(_("It cannot end before it was decided."), field="ends_on")
    document_no = _text(document_no, "document_no", _("The document number"), limit=60)
    reason = _text(reason, "reason", _("The reason"), limit=2000)
    report = None
    if (report_number or "").strip():
        report = Report.objects.filter(root=root, number=report_number.strip()).first()
        if report is None or not access.may_handle(actor, report):
            raise ApplicationError(_("No such report."), field="report")
    if len(documents) > 1:
        raise ApplicationError(_("One decision document, please."), field="document")
    document = documents[0] if documents else None
    with transaction.atomic():
        penalty = Penalty.objects.create(
            root=root, person=person, unit=person.unit, kind=kind, measure=measure,
            category=category, decided_on=decided_on, ends_on=ends_on,
            document_no=document_no, reason=reason, report=report,
            document_name=document.name if document else "",
            document_sha256=document.sha256 if document else "",
            document_type=document.content_type if document else "",
            recorded_by=login_of(actor),
        )  # fmt: skip
        record_event(actor=actor, action="discipline.penalty_recorded", obj=penalty)
    return penalty


def shown_name(name: str, policy: str) -> str:
    if policy == "full":
        return name
    if policy == "surname":
        surname = name[:2] if len(name) >= 4 else name[:1]
        return f"{surname}某"
    return ""


def notice_publish(
    *,
    root: Unit,
    penalty: Penalty,
    title: str,
    position: str,
    conduct: str,
    clause: str = "",
    actor,
) -> PublicNotice:
    """通报 of a recorded penalty; the name as the office's policy allows."""
    access.require_inspector(actor, root)
    if penalty is None or penalty.root_id != root.pk:
        raise ApplicationError(_("Choose a recorded penalty."), field="penalty")
    title = _text(title, "title", _("The title"), limit=100)
    position = _text(position, "position", _("The position"), limit=50)
    conduct = _text(conduct, "conduct", _("The conduct"), limit=3000)
    clause_obj = find_clause(root, clause)
    office = access.office_of(root)
    with transaction.atomic():
        notice = PublicNotice.objects.create(
            root=root, title=title, unit_name=penalty.unit.name, position=position,
            person_shown=shown_name(penalty.person.name, office.names_policy if office else "none"),
            conduct=conduct, clause=clause_obj,
            penalty_text=penalty.get_measure_display(),
            category=penalty.category, penalty=penalty,
            published_at=clock.now(), published_by=login_of(actor),
        )  # fmt: skip
        record_event(actor=actor, action="discipline.notice_published", obj=notice)
    return notice

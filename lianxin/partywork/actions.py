"""Every change of party work: one transaction, one audit event, notices after commit."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lianxin.core import clock
from lianxin.core.actor import is_system
from lianxin.core.audit import record_event, snapshot
from lianxin.core.errors import ApplicationError
from lianxin.core.notify import notify_staff
from lianxin.core.text import clean_text
from lianxin.org.access import is_admin_of, person_of
from lianxin.org.models import Person, Role, RoleGrant, Unit

from . import access, months
from .models import (
    Attendance,
    Guidance,
    MonthlyPlan,
    MonthlyReport,
    PartyOffice,
    PlanItem,
    Receipt,
    StudySession,
)

REPORT_FIELDS = ["thinking", "activities", "problems", "next_steps"]


def _text(value, *, field, label, required=True, limit=2000) -> str:
    return clean_text(value, field=field, label=label, required=required, limit=limit)


def _root(unit: Unit) -> Unit:
    return unit if unit.parent_id is None else Unit.objects.get(pk=unit.root_id)


def _me(actor) -> Person:
    person = person_of(actor)
    if person is None:
        raise PermissionDenied
    return person


def _require_office(actor, root: Unit) -> Person | None:
    """The party office of `root` (or its secretary or leader): his person; the system (the
    demo): None. `None` as the actor raises TypeError, never a pass."""
    if is_system(actor):
        return None
    if not access.is_office(actor, root):
        raise PermissionDenied
    return person_of(actor)


def _require_secretary(actor, unit: Unit) -> Person:
    person = _me(actor)
    if not access.is_secretary_of(actor, unit):
        raise ApplicationError(
            _("Only the party secretary of %(unit)s can do this.") % {"unit": unit.name},
            code="not_secretary",
        )
    return person


def secretaries(unit: Unit) -> list:
    return [
        g.person.user
        for g in RoleGrant.objects.filter(unit=unit, role=Role.SECRETARY).select_related(
            "person__user"
        )
    ]


def office_people(root: Unit) -> list:
    office = access.office_unit(root)
    if office is None:
        return []
    return [
        g.person.user for g in RoleGrant.objects.filter(unit=office).select_related("person__user")
    ]


# ------------------------------------------------------------------ the office


def party_office_set(*, root: Unit, unit: Unit, actor) -> PartyOffice:
    if not is_system(actor) and not is_admin_of(actor, root):
        raise PermissionDenied
    if not unit.path.startswith(root.path):
        raise ApplicationError(_("Choose a unit of this organisation."), field="unit")
    with transaction.atomic():
        office, _created = PartyOffice.objects.update_or_create(root=root, defaults={"unit": unit})
        record_event(
            actor=actor, action="partywork.office_set", obj=office, after={"unit": unit.pk}
        )
    return office


# ------------------------------------------------------------------ study


def session_plan(
    *, unit: Unit, topic: str, starts_at: datetime, materials: str = "", place: str = "", actor
) -> StudySession:
    if not is_system(actor):
        _require_secretary(actor, unit)
    topic = _text(topic, field="topic", label=_("The topic"), limit=100)
    with transaction.atomic():
        session = StudySession.objects.create(
            unit=unit,
            topic=topic,
            materials=_text(materials, field="materials", label=_("The materials"), required=False),
            starts_at=starts_at,
            place=_text(place, field="place", label=_("The place"), required=False, limit=100),
        )
        record_event(
            actor=actor,
            action="partywork.session_plan",
            obj=session,
            after=snapshot(session, ["unit", "topic", "starts_at"]),
        )
    return session


def session_record(
    *, session: StudySession, attendance: dict[int, tuple[str, str]], summary: str, actor
) -> StudySession:
    """Record who came (present, excused with a reason, absent) and a short summary."""
    if not is_system(actor):
        _require_secretary(actor, session.unit)
    summary = _text(summary, field="summary", label=_("The summary"))
    members = {p.pk: p for p in Person.objects.filter(unit=session.unit, is_active=True)}
    for person_id, (status, reason) in attendance.items():
        if person_id not in members:
            raise ApplicationError(_("Only members of the unit are recorded."), field="attendance")
        if status not in Attendance.Status.values:
            raise ApplicationError(_("Choose present, excused or absent."), field="attendance")
        if status == Attendance.Status.EXCUSED and not reason.strip():
            raise ApplicationError(
                _("Give the reason why %(name)s was excused.") % {"name": members[person_id].name},
                field="attendance",
            )
    with transaction.atomic():
        session.attendance.all().delete()
        Attendance.objects.bulk_create(
            [
                Attendance(session=session, person_id=pid, status=s, reason=r.strip()[:200])
                for pid, (s, r) in attendance.items()
            ]
        )
        session.summary = summary
        session.state = StudySession.State.HELD
        session.save()
        record_event(
            actor=actor,
            action="partywork.session_record",
            obj=session,
            after={"attendance": len(attendance)},
        )
    return session


# ------------------------------------------------------------------ guidance


def guidance_issue(
    *, root: Unit, title: str, body: str, units: list[Unit], doc_no: str = "", actor
) -> Guidance:
    person = _require_office(actor, root)
    title = _text(title, field="title", label=_("The title"), limit=100)
    body = _text(body, field="body", label=_("The text"), limit=20000)
    if not units:
        raise ApplicationError(_("Choose the stations it goes to."), field="units")
    for unit in units:
        if not unit.path.startswith(root.path) or unit.pk == root.pk:
            raise ApplicationError(_("Choose a unit of this organisation."), field="units")
    issuer = person or Person.objects.filter(unit=root).first()  # the system: the organ's
    if issuer is None:  # nobody to sign it
        raise PermissionDenied
    with transaction.atomic():
        guidance = Guidance.objects.create(
            root=root,
            title=title,
            body=body,
            doc_no=(doc_no or "").strip()[:50],
            issued_by=issuer,
            issued_at=clock.now(),
        )
        Receipt.objects.bulk_create([Receipt(guidance=guidance, unit=u) for u in units])
        record_event(
            actor=actor,
            action="partywork.guidance_issue",
            obj=guidance,
            after={"units": [u.pk for u in units]},
        )
        url = reverse("workbench:guidance_detail", args=[guidance.pk])
        users = [u for unit in units for u in secretaries(unit)]
        notify_staff(
            users, title=_("Party-building guidance to confirm: %(t)s") % {"t": title}, url=url
        )
    return guidance


def receipt_confirm(*, guidance: Guidance, unit: Unit, actor) -> Receipt:
    person = _require_secretary(actor, unit)
    with transaction.atomic():
        receipt = Receipt.objects.select_for_update().filter(guidance=guidance, unit=unit).first()
        if receipt is None:
            raise ApplicationError(
                _("This guidance was not issued to %(unit)s.") % {"unit": unit.name}
            )
        if receipt.confirmed_at:
            raise ApplicationError(_("Receipt was already confirmed."))
        receipt.confirmed_by, receipt.confirmed_at = person, clock.now()
        receipt.save()
        record_event(
            actor=actor, action="partywork.receipt_confirm", obj=guidance, after={"unit": unit.pk}
        )
    return receipt


# ------------------------------------------------------------------ monthly plans


def plan_create(*, unit: Unit, month: date, actor) -> MonthlyPlan:
    _require_secretary(actor, unit)
    month = months.first_of(month)
    this_month = months.first_of(timezone.localdate(clock.now()))
    if month < this_month or month > months.next_month(this_month):
        raise ApplicationError(_("Plans are made for this month or the next."), field="month")
    try:
        with transaction.atomic():
            plan = MonthlyPlan.objects.create(unit=unit, month=month)
            record_event(actor=actor, action="partywork.plan_create", obj=plan)
    except IntegrityError:
        raise ApplicationError(
            _("%(unit)s already has a plan for %(month)s.")
            % {"unit": unit.name, "month": month.strftime("%Y-%m")},
            field="month",
            code="duplicate",
        ) from None
    return plan


def _unagree(plan: MonthlyPlan) -> None:
    plan.station_agreed_by = plan.station_agreed_at = None
    plan.office_agreed_by = plan.office_agreed_at = None


def plan_item_add(*, plan: MonthlyPlan, what: str, who: str, when: date, actor) -> PlanItem:
    _require_secretary(actor, plan.unit)
    what = _text(what, field="what", label=_("What"), limit=200)
    who = _text(who, field="who", label=_("Who"), limit=50)
    if when is None or months.first_of(when) != plan.month:
        raise ApplicationError(_("The date must be in the plan's month."), field="when")
    with transaction.atomic():
        item = PlanItem.objects.create(plan=plan, what=what, who=who, when=when)
        if plan.agreed or plan.station_agreed_at or plan.office_agreed_at:
            _unagree(plan)  # a changed plan must be agreed again by both sides
        plan.save()
        record_event(actor=actor, action="partywork.plan_item_add", obj=plan, after={"what": what})
    return item


def plan_item_remove(*, item: PlanItem, actor) -> None:
    plan = item.plan
    _require_secretary(actor, plan.unit)
    with transaction.atomic():
        record_event(
            actor=actor, action="partywork.plan_item_remove", obj=plan, before={"what": item.what}
        )
        item.delete()
        _unagree(plan)
        plan.save()


def plan_comment(*, plan: MonthlyPlan, comment: str, actor) -> MonthlyPlan:
    person = _require_office(actor, _root(plan.unit))
    comment = _text(comment, field="comment", label=_("The comment"))
    with transaction.atomic():
        stamp = timezone.localtime(clock.now()).strftime("%m-%d %H:%M")
        who = person.name if person is not None else ""
        plan.comment = (plan.comment + "\n" if plan.comment else "") + f"{stamp} {who}：{comment}"
        plan.office_agreed_by = plan.office_agreed_at = None
        plan.save()
        record_event(
            actor=actor, action="partywork.plan_comment", obj=plan, after={"comment": comment}
        )
        notify_staff(
            secretaries(plan.unit),
            title=_("Comments on your party-work plan"),
            url=reverse("workbench:plan_detail", args=[plan.unit_id, plan.month.strftime("%Y-%m")]),
        )
    return plan


def plan_agree(*, plan: MonthlyPlan, actor) -> MonthlyPlan:
    """The station's secretary or the party-building office agrees to the plan; it counts as
    agreed when both have."""
    root = _root(plan.unit)
    person = _me(actor)
    if not plan.items.exists():
        raise ApplicationError(_("A plan needs at least one item."))
    with transaction.atomic():
        if access.is_secretary_of(actor, plan.unit):
            plan.station_agreed_by, plan.station_agreed_at = person, clock.now()
            side = "station"
            others = office_people(root)
        elif access.is_office(actor, root):
            if not plan.station_agreed_at:
                raise ApplicationError(_("The station's secretary has not agreed yet."))
            plan.office_agreed_by, plan.office_agreed_at = person, clock.now()
            side = "office"
            others = secretaries(plan.unit)
        else:
            raise PermissionDenied
        plan.save()
        record_event(actor=actor, action="partywork.plan_agree", obj=plan, after={"side": side})
        notify_staff(
            others,
            title=_("Party-work plan of %(unit)s for %(month)s: %(state)s")
            % {
                "unit": plan.unit.name,
                "month": plan.month.strftime("%Y-%m"),
                "state": _("agreed by both") if plan.agreed else _("agreed by one side"),
            },
            url=reverse("workbench:plan_detail", args=[plan.unit_id, plan.month.strftime("%Y-%m")]),
        )
    return plan


def plan_item_done(*, item: PlanItem, actor) -> PlanItem:
    _require_secretary(actor, item.plan.unit)
    if not item.plan.agreed:
        raise ApplicationError(_("Items are marked done once the plan is agreed by both sides."))
    with transaction.atomic():
        item.done_at = None if item.done_at else clock.now()
        item.save()
        record_event(
            actor=actor,
            action="partywork.plan_item_done",
            obj=item.plan,
            after={"what": item.what, "done": bool(item.done_at)},
        )
    return item


# ------------------------------------------------------------------ monthly reports


def report_save(*, unit: Unit, month: date, actor, **fields) -> MonthlyReport:
    _require_secretary(actor, unit)
    month = months.first_of(month)
    if month > months.first_of(timezone.localdate(clock.now())):
        raise ApplicationError(
            _("A report cannot be written for a month that has not begun."),
            field="month",
            code="future",
        )
    values = {
        name: _text(fields.get(name, ""), field=name, label=_("This part"), required=False)
        for name in REPORT_FIELDS
    }
    with transaction.atomic():
        report, _created = MonthlyReport.objects.select_for_update().get_or_create(
            unit=unit, month=month, defaults={"due_at": months.report_due(month)}
        )
        if report.state in (MonthlyReport.State.SUBMITTED, MonthlyReport.State.ACCEPTED):
            raise ApplicationError(
                _("The report has been submitted; it can be changed only if sent back.")
            )
        for name, value in values.items():
            setattr(report, name, value)
        report.save()
        record_event(actor=actor, action="partywork.report_save", obj=report)
    return report


def report_submit(*, report: MonthlyReport, actor) -> MonthlyReport:
    person = _require_secretary(actor, report.unit)
    missing = [name for name in REPORT_FIELDS if len(getattr(report, name).strip()) < 10]
    if missing:
        raise ApplicationError(
            _("Write at least a few sentences in every part before submitting."), field=missing[0]
        )
    with transaction.atomic():
        report = MonthlyReport.objects.select_for_update().get(pk=report.pk)
        if report.state not in (MonthlyReport.State.DRAFT, MonthlyReport.State.RETURNED):
            raise ApplicationError(_("The report has already been submitted."))
        at = clock.now()
        report.state, report.submitted_at, report.submitted_by = (
            MonthlyReport.State.SUBMITTED,
            at,
            person,
        )
        report.late = report.late or at > report.due_at
        report.save()
        clock.finish("partywork.report", _item_id(report.unit_id, report.month))
        record_event(
            actor=actor, action="partywork.report_submit", obj=report, after={"late": report.late}
        )
        notify_staff(
            office_people(_root(report.unit)),
            title=_("Monthly report of %(unit)s submitted") % {"unit": report.unit.name},
            url=reverse(
                "workbench:report_detail", args=[report.unit_id, report.month.strftime("%Y-%m")]
            ),
        )
    return report


def report_review(*, report: MonthlyReport, accept: bool, comment: str, actor) -> MonthlyReport:
    """The office accepts a report or sends back one that is too thin (with a comment)."""
    _require_office(actor, _root(report.unit))
    comment = _text(comment, field="comment", label=_("The comment"), required=not accept)
    with transaction.atomic():
        report = MonthlyReport.objects.select_for_update().get(pk=report.pk)
        if report.state != MonthlyReport.State.SUBMITTED:
            raise ApplicationError(_("Only a submitted report can be reviewed."))
        report.state = MonthlyReport.State.ACCEPTED if accept else MonthlyReport.State.RETURNED
        if comment:
            stamp = timezone.localtime(clock.now()).strftime("%m-%d %H:%M")
            report.comment = (
                report.comment + "\n" if report.comment else ""
            ) + f"{stamp} {comment}"
        report.save()
        record_event(
            actor=actor, action="partywork.report_review", obj=report, after={"accepted": accept}
        )
        notify_staff(
            secretaries(report.unit),
            title=(_("Monthly report accepted") if accept else _("Monthly report sent back")),
            body=comment,
            url=reverse(
                "workbench:report_detail", args=[report.unit_id, report.month.strftime("%Y-%m")]
            ),
        )
    return report


def _item_id(unit_id: int, month: date) -> str:
    return f"{unit_id}:{month:%Y-%m}"

"""转纪检: a complaint alleging misconduct goes from the register of cases to the discipline
register. The content is copied into a new misconduct report with the same protection as a
report made on the public form (the citizen's name and phone sealed, a receipt); the case
is closed as transferred, the citizen is told where it went and given the receipt, and the
case's handlers lose sight of it."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lianxin.cases import access as case_access
from lianxin.cases import actions as case_actions
from lianxin.cases.models import Case
from lianxin.core.audit import record_event
from lianxin.core.errors import ApplicationError
from lianxin.discipline import actions as discipline_actions
from lianxin.org.models import Unit


def complaint_transfer(
    *, case: Case, accused_unit: Unit | None, accused_text: str = "", actor, version=None
):
    """Returns the new report. Someone who cannot see the case gets 404, as for a case that
    does not exist."""
    if not case_access.case_roles(actor, case):
        raise Http404
    if accused_unit is None or accused_unit.root_id != case.root_id:
        raise ApplicationError(_("Choose the unit the complaint is about."), field="accused_unit")
    contact = case.citizen_phone or case.citizen_email or case.citizen_contact
    name = case.citizen_name or (_("caller of case %(code)s") % {"code": case.code})
    origin = _("transferred from case %(code)s") % {"code": case.code}
    with transaction.atomic():
        report, receipt = discipline_actions.report_submit(
            root=case.root,
            accused_unit=accused_unit,
            accused_text=accused_text,
            what=f"{case.content}\n（{origin}）",
            where=case.place,
            name=name if contact else "",
            phone=case.citizen_phone if case.citizen_phone.startswith("1") else "",
            contact="" if case.citizen_phone.startswith("1") else contact,
        )
        with translation.override("zh-hans"):
            told = _(
                "transferred to the discipline office as report %(number)s; "
                "follow it with receipt %(receipt)s."
            ) % {"number": report.number, "receipt": receipt}
        case_actions.case_transfer(case=case, citizen_text=told, actor=actor, version=version)
        record_event(
            actor=actor,
            action="supervision.complaint_transfer",
            obj=case,
            after={"report": report.pk},
        )
    return report


REPORT_CHANNELS = {
    "report_line": gettext_lazy("report line (举报电话)"),
    "letter": gettext_lazy("letter (来信)"),
    "visit": gettext_lazy("visit (来访)"),
}


def report_register(
    *,
    root: Unit,
    channel: str,
    accused_unit: Unit | None,
    what: str,
    accused_text: str = "",
    when_text: str = "",
    where: str = "",
    name: str = "",
    phone: str = "",
    files=(),
    actor,
):
    """The discipline office registers a report that came by the report line, a letter or a
    visit, with the same protection as the public form (identity sealed, a receipt to hand
    to the reporter). Returns (report, receipt). Only the office's inspectors register."""
    from lianxin.discipline import access as discipline_access

    if not discipline_access.is_inspector(actor, root):
        raise Http404
    if channel not in REPORT_CHANNELS:
        raise ApplicationError(_("Choose how the report came in."), field="channel")
    if accused_unit is None or accused_unit.root_id != root.pk:
        raise ApplicationError(_("Choose the unit from the list."), field="accused_unit")
    with transaction.atomic():
        report, receipt = discipline_actions.report_submit(
            root=root,
            accused_unit=accused_unit,
            accused_text=accused_text,
            what=what,
            when_text=when_text,
            where=where,
            name=name,
            phone=phone,
            files=files,
        )
        record_event(
            actor=actor,
            action="supervision.report_register",
            obj=report,
            after={"channel": channel},
        )
    return report, receipt

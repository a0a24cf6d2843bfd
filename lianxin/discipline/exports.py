"""The discipline office's registers as Excel: reports (no reporter details) and penalties."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from lianxin.core.exports import table_response


def _d(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d") if value else ""


def reports_response(root, reports):
    rows = [
        [
            r.number, _d(r.received_at), r.accused_unit.name,
            r.accused_person.name if r.accused_person else r.accused_text,
            r.get_status_display(), r.get_disposition_display(), r.get_category_display(),
            _d(r.accept_due), _d(r.accepted_at), _d(r.concluded_at), _d(r.feedback_due),
            _d(r.closed_at), _("anonymous") if r.anonymous else _("named"),
        ]
        for r in reports
    ]  # fmt: skip
    return table_response(
        title=_("Register of misconduct reports of %(org)s") % {"org": root.name},
        headers=[_("Number"), _("Received"), _("Unit reported"), _("Person reported"),
                 _("Status"), _("Disposition"), _("Category"), _("acceptance due"),
                 _("Accepted"), _("Concluded"), _("feedback due"), _("Closed"), _("Reporter")],
        rows=rows,
        filename=f"{_('Misconduct reports')}.xlsx",
        sheet=_("Misconduct reports"),
    )  # fmt: skip


def penalties_response(root, penalties):
    rows = [
        [
            p.person.name, p.unit.name, p.get_kind_display(), p.get_measure_display(),
            p.get_category_display(), p.decided_on.isoformat(),
            p.ends_on.isoformat() if p.ends_on else "", p.document_no, p.reason,
        ]
        for p in penalties
    ]  # fmt: skip
    return table_response(
        title=_("Penalties and handling recorded by %(org)s") % {"org": root.name},
        headers=[_("Person"), _("Unit"), _("Kind of handling"), _("Measure"), _("Category"),
                 _("Decided on"), _("In effect until"), _("Decision document number"),
                 _("Reason")],
        rows=rows,
        filename=f"{_('Penalties and handling')}.xlsx",
        sheet=_("Penalties and handling"),
    )  # fmt: skip

"""The monthly register of service requests (办件登记簿) as Excel."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from lianxin.core.exports import xlsx_response
from lianxin.core.text import mask_phone


def _t(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def register_response(root, month, requests):
    book = Workbook()
    sheet = book.active
    sheet.title = _("Register")
    sheet.append(
        [
            _("Register of service requests of %(org)s, %(month)s")
            % {"org": root.name, "month": month.strftime("%Y-%m")}
        ]
    )
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(
        [
            _("Request number"),
            _("Service"),
            _("Applicant"),
            _("Phone"),
            _("Subject"),
            _("Received at"),
            _("Due"),
            _("Completed at"),
            _("Decision"),
            _("On time"),
            _("Working days used"),
            _("Rating"),
        ]
    )
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for r in requests:
        review = getattr(r, "review", None) if hasattr(r, "review") else None
        sheet.append(
            [
                r.code,
                r.service.name,
                r.applicant_name,
                mask_phone(r.applicant_phone),
                r.subject,
                _t(r.received_at),
                _t(r.due_at),
                _t(r.completed_at),
                r.get_decision_display(),
                "" if r.on_time is None else (_("yes") if r.on_time else _("no")),
                r.workdays_used if r.workdays_used is not None else "",
                review.get_level_display() if review else "",
            ]
        )
    for i, width in enumerate([15, 14, 10, 14, 30, 17, 17, 17, 8, 6, 8, 10], start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    return xlsx_response(book, f"requests-{month:%Y-%m}.xlsx")

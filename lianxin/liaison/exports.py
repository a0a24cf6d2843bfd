"""A month of diaries and the cadence of contact points as Excel."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from lianxin.core.exports import xlsx_response


def month_response(root, month, entries, cadence_rows):
    book = Workbook()
    sheet = book.active
    sheet.title = _("Diaries")
    sheet.append(
        [
            _("People's sentiment diaries of %(org)s, %(month)s")
            % {"org": root.name, "month": month.strftime("%Y-%m")}
        ]
    )
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(
        [
            _("Date"),
            _("Cadre"),
            _("Place"),
            _("Kind"),
            _("Who was met"),
            _("What they said"),
            _("Needs"),
            _("Checked by"),
        ]
    )
    for v in entries:
        needs = "；".join(
            n.text + (f"（{n.case.code} {n.case.get_status_display()}）" if n.case_id else "")
            for n in v.needs.all()
        )
        sheet.append(
            [
                v.day.isoformat(),
                v.person.name,
                v.place.name,
                v.get_kind_display(),
                v.met,
                v.said,
                needs,
                v.reviewed_by.name if v.reviewed_by_id else "",
            ]
        )
    cad = book.create_sheet(_("Cadence"))
    cad.append([_("Cadre"), _("Place"), _("Visits asked"), _("Visits done"), _("State")])
    states = {"done": _("visits done"), "due": _("visits to make"), "overdue": _("visits missed")}
    for r in cadence_rows:
        cad.append(
            [
                r["point"].person.name,
                r["point"].place.name,
                r["asked"],
                r["done"],
                states[r["state"]],
            ]
        )
    for ws in (sheet, cad):
        for i in range(1, 9):
            ws.column_dimensions[get_column_letter(i)].width = 18
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    return xlsx_response(book, f"diaries-{month:%Y-%m}.xlsx")

"""Party work as Excel: the stations x months grid of reports, and one month's plans and
reports."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from lianxin.core import clock
from lianxin.core.exports import workbook_bytes, xlsx_response

from .models import MonthlyPlan, MonthlyReport

__all__ = ["grid_xlsx", "month_xlsx", "xlsx_response"]

LATE = PatternFill("solid", fgColor="FDECEA")


def _save(book) -> bytes:
    return workbook_bytes(book)


def cell_text(cell) -> str:
    report = cell["report"]
    if report is None or report.state == "draft":
        return _("overdue") if cell["overdue"] else _("not submitted")
    text = report.get_state_display()
    if report.late:
        text += " (" + _("late") + ")"
    return text


def grid_xlsx(root, rows, month_list) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Monthly reports")
    sheet.append([_("Monthly ideological-political work reports of %(org)s") % {"org": root.name}])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(
        [
            _("Exported at %(time)s")
            % {"time": timezone.localtime(clock.now()).strftime("%Y-%m-%d %H:%M")}
        ]
    )
    sheet.append([_("Station")] + [m.strftime("%Y-%m") for m in month_list])
    for c in sheet[3]:
        c.font = Font(bold=True)
    for row in rows:
        sheet.append([row["unit"].name] + [cell_text(c) for c in row["cells"]])
        for cell, data in zip(sheet[sheet.max_row][1:], row["cells"], strict=True):
            if data["overdue"] or (data["report"] and data["report"].late):
                cell.fill = LATE
    sheet.column_dimensions["A"].width = 16
    for i in range(2, len(month_list) + 2):
        sheet.column_dimensions[get_column_letter(i)].width = 14
    return _save(book)


def month_xlsx(root, units, month) -> bytes:
    book = Workbook()
    plans = book.active
    plans.title = _("Plans")
    plans.append([_("Party-building plans for %(month)s") % {"month": month.strftime("%Y-%m")}])
    plans["A1"].font = Font(bold=True, size=14)
    plans.append([_("Station"), _("What"), _("Who"), _("When"), _("Done"), _("Agreed by both")])
    for plan in (
        MonthlyPlan.objects.filter(unit__in=units, month=month)
        .select_related("unit")
        .prefetch_related("items")
    ):
        for item in plan.items.all():
            plans.append(
                [
                    plan.unit.name,
                    item.what,
                    item.who,
                    item.when.isoformat(),
                    _("yes") if item.done_at else _("no"),
                    _("yes") if plan.agreed else _("no"),
                ]
            )
    reports = book.create_sheet(_("Reports"))
    reports.append([_("Monthly reports for %(month)s") % {"month": month.strftime("%Y-%m")}])
    reports["A1"].font = Font(bold=True, size=14)
    reports.append(
        [
            _("Station"),
            _("Status"),
            _("Submitted at"),
            _("Late"),
            _("Staff thinking"),
            _("Activities held"),
            _("Problems"),
            _("Next steps"),
        ]
    )
    for report in MonthlyReport.objects.filter(unit__in=units, month=month).select_related("unit"):
        reports.append(
            [
                report.unit.name,
                report.get_state_display(),
                timezone.localtime(report.submitted_at).strftime("%Y-%m-%d %H:%M")
                if report.submitted_at
                else "",
                _("yes") if report.late else _("no"),
                report.thinking,
                report.activities,
                report.problems,
                report.next_steps,
            ]
        )
    for sheet in (plans, reports):
        for row in sheet.iter_rows(min_row=3):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        for i in range(1, 9):
            sheet.column_dimensions[get_column_letter(i)].width = 24
    return _save(book)

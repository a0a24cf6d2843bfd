"""The staff roster (花名册) as an Excel workbook."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from lianxin.core import clock
from lianxin.core.exports import workbook_bytes

from .models import Person, Unit


def roster_xlsx(people: list[Person], *, root: Unit, phones_for: set[int]) -> bytes:
    """One row a person; the phone only for people whose unit id is in `phones_for`."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Roster")
    title = _("Staff roster of %(org)s") % {"org": root.name}
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(
        [
            _("Exported at %(time)s")
            % {"time": timezone.localtime(clock.now()).strftime("%Y-%m-%d %H:%M")}
        ]
    )
    headers = [
        _("No."),
        _("Name"),
        _("Unit"),
        _("Position"),
        _("Party member"),
        _("Phone"),
        _("Roles"),
        _("Active"),
    ]
    sheet.append(headers)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for number, person in enumerate(people, start=1):
        roles = "、".join(f"{g.unit.name}{g.get_role_display()}" for g in person.grants.all())
        sheet.append(
            [
                number,
                person.name,
                person.unit.name,
                person.position,
                _("yes") if person.is_party_member else _("no"),
                person.phone if person.unit_id in phones_for else "",
                roles,
                _("yes") if person.is_active else _("no"),
            ]
        )
    for index, width in enumerate([6, 10, 16, 14, 8, 16, 40, 8], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A4"
    return workbook_bytes(book)

"""The case register as an export (the citizen's phone is masked unless the user may see
it): one row function for the background job (`core.exportjobs`) and the old in-request
workbook, which the benchmark keeps as its baseline."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from lianxin.core import clock, exportjobs
from lianxin.core.exports import workbook_bytes
from lianxin.core.text import mask_phone


def _time(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def headers() -> list[str]:
    return [
        _("Case code"),
        _("Received at"),
        _("Kind"),
        _("Channel"),
        _("Category"),
        _("Title"),
        _("Place"),
        _("Phone"),
        _("Status"),
        _("Lead unit"),
        _("Handler"),
        _("Reply by"),
        _("Replied at"),
        _("Rating"),
        _("Solved"),
        _("Supervision"),
    ]


def case_row(c) -> list:
    return [
        c.code,
        _time(c.received_at),
        c.get_kind_display(),
        c.get_channel_display(),
        c.category.name,
        c.title,
        c.place,
        mask_phone(c.citizen_phone),
        c.get_status_display(),
        c.lead_unit.name if c.lead_unit_id else "",
        c.handler.name if c.handler_id else "",
        _time(c.reply_due),
        _time(c.replied_at),
        c.rating or "",
        "" if c.solved is None else (_("yes") if c.solved else _("no")),
        c.get_supervision_display() if c.supervision else "",
    ]


def allowed(user, filters) -> bool:
    """The queue's rule: a staff member with a home organisation (the rows are then only
    the cases he may see there)."""
    from lianxin.org import access as org_access

    return org_access.is_staff_member(user) and org_access.home_root(user) is not None


FIELDS = (
    "code",
    exportjobs.LocalMinutes("received_at"),
    "kind",
    "channel",
    "category__name",
    "title",
    "place",
    "citizen_phone",
    "status",
    "lead_unit__name",
    "handler__name",
    exportjobs.LocalMinutes("reply_due"),
    exportjobs.LocalMinutes("replied_at"),
    "rating",
    "solved",
    "supervision",
)


def _row_maker():
    """A function from a `FIELDS` tuple to the row: labels looked up once per export (a
    model's get_FOO_display translates its choices anew on every call)."""
    from .models import Channel, Kind, Status, Supervision

    when = exportjobs.local_minutes()
    kinds = {k: str(v) for k, v in Kind.choices}
    channels = {k: str(v) for k, v in Channel.choices}
    statuses = {k: str(v) for k, v in Status.choices}
    levels = {k: str(v) for k, v in Supervision.choices}
    yes, no = _("yes"), _("no")

    def row(v) -> list:
        return [
            v[0],
            when(v[1]),
            kinds.get(v[2], v[2]),
            channels.get(v[3], v[3]),
            v[4],
            v[5],
            v[6],
            mask_phone(v[7]),
            statuses.get(v[8], v[8]),
            v[9] or "",
            v[10] or "",
            when(v[11]),
            when(v[12]),
            v[13] or "",
            "" if v[14] is None else (yes if v[14] else no),
            levels.get(v[15], "") if v[15] else "",
        ]

    return row


def cases_title(user, filters=None) -> str:
    from lianxin.org import access as org_access

    root = org_access.home_root(user)
    title = _("Cases of %(org)s") % {"org": root.name if root else ""}
    return f"{title} · {_time(clock.now())}"


def cases_table(user, filters) -> exportjobs.Table:
    from lianxin.org import access as org_access

    from . import forms, queries

    root = org_access.home_root(user)
    if root is None:  # `allowed` said no already; a job whose asker lost his place fails
        raise PermissionError("no home organisation")
    _form, f = forms.filter_from(exportjobs.query_of(filters), root)
    return exportjobs.Table(
        title=cases_title(user),
        headers=headers(),
        rows=queries.case_list(user, root, f).values_list(*FIELDS),
        row=_row_maker(),
        filename="cases.xlsx",
        sheet=_("Cases"),
    )


def cases_xlsx(cases, *, root) -> bytes:
    """The old in-request workbook (kept for the benchmark's comparison)."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Cases")
    sheet.append([_("Cases of %(org)s") % {"org": root.name}])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([_("Exported at %(time)s") % {"time": _time(clock.now())}])
    sheet.append(headers())
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for c in cases:
        sheet.append(case_row(c))
    widths = [14, 17, 8, 10, 12, 36, 24, 14, 8, 12, 8, 17, 17, 6, 6, 10]
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A4"
    return workbook_bytes(book)

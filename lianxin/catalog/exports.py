"""The register of service requests (办件登记簿) as a background export (core.exportjobs,
registered in lianxin_hooks): the requests page's organisation and filters (month, status,
words), the applicant's phone masked, one `values_list` row a request (service and rating
joined in SQL)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lianxin.core import exportjobs
from lianxin.core.months import parse as parse_month
from lianxin.core.text import mask_phone
from lianxin.org.access import home_root

FIELDS = (
    "code",
    "service__name",
    "applicant_name",
    "applicant_phone",
    "subject",
    "received_at",
    "due_at",
    "completed_at",
    "decision",
    "on_time",
    "workdays_used",
    "review__level",
)


def headers() -> list[str]:
    return [
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


def allowed(user, filters) -> bool:
    """The requests page's rule: a staff member of an organisation, and a month to export."""
    from lianxin.org.access import is_staff_member

    return (
        is_staff_member(user)
        and home_root(user) is not None
        and parse_month(exportjobs.one(filters, "month")) is not None
    )


def title(user, filters) -> str:

    root = home_root(user)
    month = parse_month(exportjobs.one(filters, "month"))
    return _("Register of service requests of %(org)s, %(month)s") % {
        "org": root.name if root else "",
        "month": month.strftime("%Y-%m") if month else "",
    }


def _row_maker():
    from .models import Review, ServiceRequest

    when = exportjobs.local_minutes()
    decisions = exportjobs.labels(ServiceRequest.Decision.choices)
    levels = exportjobs.labels(Review.Level.choices)
    yes, no = _("yes"), _("no")

    def row(v) -> list:
        return [
            v[0],
            v[1],
            v[2],
            mask_phone(v[3]),
            v[4],
            when(v[5]),
            when(v[6]),
            when(v[7]),
            decisions.get(v[8], ""),
            "" if v[9] is None else (yes if v[9] else no),
            "" if v[10] is None else v[10],
            levels.get(v[11], ""),
        ]

    return row


def table(user, filters) -> exportjobs.Table:
    from . import queries

    root = home_root(user)
    month = parse_month(exportjobs.one(filters, "month"))
    if root is None or month is None:
        raise PermissionError("no organisation or month")
    rows = queries.request_list(
        root,
        month=month,
        status=exportjobs.one(filters, "status"),
        q=exportjobs.one(filters, "q").strip(),
    ).values_list(*FIELDS)
    return exportjobs.Table(
        title=title(user, filters),
        headers=headers(),
        rows=rows,
        row=_row_maker(),
        filename=f"requests-{month:%Y-%m}.xlsx",
        sheet=_("Register"),
    )

"""The discipline office's registers as background exports (core.exportjobs, registered in
lianxin_hooks): misconduct reports and penalties, each with the rule of its page. A report
row names what was reported and how it went, never who reported it: the reporter's name,
phone and sealed identity are not among the fields read."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lianxin.core import exportjobs
from lianxin.org.access import home_root, is_staff_member

from . import access

REPORT_FIELDS = (
    "number",
    "received_at",
    "accused_unit__name",
    "accused_person__name",
    "accused_text",
    "status",
    "disposition",
    "category",
    "accept_due",
    "accepted_at",
    "concluded_at",
    "feedback_due",
    "closed_at",
    "anonymous",
)

PENALTY_FIELDS = (
    "person__name",
    "unit__name",
    "kind",
    "measure",
    "category",
    "decided_on",
    "ends_on",
    "document_no",
    "reason",
)


def _root(user):
    return home_root(user) if is_staff_member(user) else None


def reports_allowed(user, filters) -> bool:
    """The reports page's rule: someone on a step of the fallback (inspectors, and the
    organ's leader or secretary for reports about the inspectors)."""
    root = _root(user)
    return root is not None and access.in_fallback(user, root)


def reports_title(user, filters) -> str:
    root = _root(user)
    return _("Register of misconduct reports of %(org)s") % {"org": root.name if root else ""}


def reports_table(user, filters) -> exportjobs.Table:
    from .models import Disposition, Status, WorkStyle

    root = _root(user)
    if root is None:
        raise PermissionError("no organisation")
    day = exportjobs.local_days()
    statuses = exportjobs.labels(Status.choices)
    dispositions = exportjobs.labels(Disposition.choices)
    categories = exportjobs.labels(WorkStyle.choices)
    anonymous, named = _("anonymous"), _("named")

    def row(v) -> list:
        return [
            v[0], day(v[1]), v[2], v[3] or v[4], statuses.get(v[5], ""),
            dispositions.get(v[6], ""), categories.get(v[7], ""), day(v[8]), day(v[9]),
            day(v[10]), day(v[11]), day(v[12]), anonymous if v[13] else named,
        ]  # fmt: skip

    return exportjobs.Table(
        title=reports_title(user, filters),
        headers=[_("Number"), _("Received"), _("Unit reported"), _("Person reported"),
                 _("Status"), _("Disposition"), _("Category"), _("acceptance due"),
                 _("Accepted"), _("Concluded"), _("feedback due"), _("Closed"), _("Reporter")],
        rows=access.visible_reports(user, root).values_list(*REPORT_FIELDS),
        row=row,
        filename=f"{_('Misconduct reports')}.xlsx",
        sheet=_("Misconduct reports"),
    )  # fmt: skip


def penalties_allowed(user, filters) -> bool:
    """The penalties page's rule: the inspectors."""
    root = _root(user)
    return root is not None and access.is_inspector(user, root)


def penalties_title(user, filters) -> str:
    root = _root(user)
    return _("Penalties and handling recorded by %(org)s") % {"org": root.name if root else ""}


def penalties_table(user, filters) -> exportjobs.Table:
    from .models import Measure, PenaltyKind, WorkStyle

    root = _root(user)
    if root is None:
        raise PermissionError("no organisation")
    kinds = exportjobs.labels(PenaltyKind.choices)
    measures = exportjobs.labels(Measure.choices)
    categories = exportjobs.labels(WorkStyle.choices)

    def row(v) -> list:
        return [
            v[0], v[1], kinds.get(v[2], ""), measures.get(v[3], ""), categories.get(v[4], ""),
            v[5].isoformat(), v[6].isoformat() if v[6] else "", v[7], v[8],
        ]  # fmt: skip

    return exportjobs.Table(
        title=penalties_title(user, filters),
        headers=[_("Person"), _("Unit"), _("Kind of handling"), _("Measure"), _("Category"),
                 _("Decided on"), _("In effect until"), _("Decision document number"),
                 _("Reason")],
        rows=access.visible_penalties(user, root).values_list(*PENALTY_FIELDS),
        row=row,
        filename=f"{_('Penalties and handling')}.xlsx",
        sheet=_("Penalties and handling"),
    )  # fmt: skip

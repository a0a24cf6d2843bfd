"""Party work as background exports (core.exportjobs, registered in lianxin_hooks): the
stations x months grid of reports, and one month's plans and reports (two sheets); the units
are those the user sees on the party-work page. A late or overdue cell says so in its text
(a streamed sheet carries no fill colour)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from lianxin.core import clock, exportjobs, months
from lianxin.org.access import home_root, is_staff_member

from .models import MonthlyPlan, MonthlyReport


def cell_text(cell) -> str:
    report = cell["report"]
    if report is None or report.state == "draft":
        return _("overdue") if cell["overdue"] else _("not submitted")
    text = report.get_state_display()
    if report.late:
        text += " (" + _("late") + ")"
    return text


def _units(user, root):
    from . import access

    return list(access.visible_units(user, root))


def grid_allowed(user, filters) -> bool:
    """The party-work page's rule: a staff member of an organisation (the rows are the
    units he sees)."""
    return is_staff_member(user) and home_root(user) is not None


def grid_title(user, filters) -> str:
    root = home_root(user)
    return _("Monthly ideological-political work reports of %(org)s") % {
        "org": root.name if root else ""
    }


def grid_table(user, filters) -> exportjobs.Table:
    from . import queries

    root = home_root(user)
    if root is None:
        raise PermissionError("no organisation")
    month_list = months.recent(queries.today(), 12)
    rows = [
        [row["unit"].name] + [cell_text(c) for c in row["cells"]]
        for row in queries.grid(_units(user, root), month_list)
    ]
    at = timezone.localtime(clock.now()).strftime("%Y-%m-%d %H:%M")
    return exportjobs.Table(
        title=grid_title(user, filters) + " · " + _("Exported at %(time)s") % {"time": at},
        headers=[_("Station")] + [m.strftime("%Y-%m") for m in month_list],
        rows=rows,
        row=list,
        filename="party-reports.xlsx",
        sheet=_("Monthly reports"),
    )


def _month(filters):
    return months.parse(exportjobs.one(filters, "month"))


def month_allowed(user, filters) -> bool:
    return grid_allowed(user, filters) and _month(filters) is not None


def month_title(user, filters) -> str:
    month = _month(filters)
    return _("Party-building plans for %(month)s") % {
        "month": month.strftime("%Y-%m") if month else ""
    }


def month_table(user, filters) -> exportjobs.Table:
    root, month = home_root(user), _month(filters)
    if root is None or month is None:
        raise PermissionError("no organisation or month")
    units = _units(user, root)
    yes, no = _("yes"), _("no")
    plans = [
        [plan.unit.name, item.what, item.who, item.when.isoformat(),
         yes if item.done_at else no, yes if plan.agreed else no]
        for plan in MonthlyPlan.objects.filter(unit__in=units, month=month)
        .select_related("unit")
        .prefetch_related("items")
        for item in plan.items.all()
    ]  # fmt: skip
    when = exportjobs.local_minutes()
    reports = [
        [r.unit.name, r.get_state_display(), when(r.submitted_at), yes if r.late else no,
         r.thinking, r.activities, r.problems, r.next_steps]
        for r in MonthlyReport.objects.filter(unit__in=units, month=month).select_related("unit")
    ]  # fmt: skip
    m = month.strftime("%Y-%m")
    return exportjobs.Table(
        title=month_title(user, filters),
        headers=[_("Station"), _("What"), _("Who"), _("When"), _("Done"), _("Agreed by both")],
        rows=plans,
        row=list,
        filename=f"party-work-{m}.xlsx",
        sheet=_("Plans"),
        more=({
            "sheet": _("Reports"),
            "title": _("Monthly reports for %(month)s") % {"month": m},
            "headers": [_("Station"), _("Status"), _("Submitted at"), _("Late"),
                        _("Staff thinking"), _("Activities held"), _("Problems"),
                        _("Next steps")],
            "rows": reports,
        },),
    )  # fmt: skip

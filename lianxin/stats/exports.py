"""The monthly report in the layout a county office sends up: one sheet per table (units,
leaders, the organisation, the components beside the cases)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lianxin.core import exportjobs
from lianxin.core.months import parse
from lianxin.org.access import home_root, is_staff_member

from . import registry
from .queries import Scorecard


def _rate(cell) -> str | float:
    return "" if not cell or cell.get("rate") is None else round(cell["rate"] * 100, 1)


def _case_row(row: dict) -> list:
    return [
        row["received"],
        _rate(row["response"]),
        _rate(row["on_time"]),
        _rate(row["resolution"]),
        _rate(row["satisfaction"]),
        row["fair"],
        row["excluded"],
        row["returns"],
        row["extensions"],
        row["reminders"],
        row["supervisions"],
        row["reopened"],
        row["overdue"],
        "" if row["composite"] is None else row["composite"],
    ]


def case_headers() -> list:
    return [
        _("Received"),
        _("Response rate (%)"),
        _("On-time rate (%)"),
        _("Resolution rate (%)"),
        _("Satisfaction rate (%)"),
        _("Rated 3"),
        _("Left out"),
        _("Returned"),
        _("Extensions approved"),
        _("Reminders received"),
        _("Supervisions received"),
        _("Reopened"),
        _("Overdue"),
        _("Composite"),
    ]


def _cell(cell) -> str:
    if not cell:
        return ""
    return str(cell["num"]) if cell["den"] is None else f"{cell['num']}/{cell['den']}"


def _month(filters):
    return parse(exportjobs.one(filters, "month"))


def allowed(user, filters) -> bool:
    """The scorecards page's rule: a staff member of an organisation (the rows are the
    units he sees); and a month."""
    return is_staff_member(user) and home_root(user) is not None and _month(filters) is not None


def title(user, filters) -> str:
    root, month = home_root(user), _month(filters)
    return _("%(org)s: scorecards of the units, %(month)s") % {
        "org": root.name if root else "",
        "month": month.strftime("%Y-%m") if month else "",
    }


def table(user, filters) -> exportjobs.Table:
    """The monthly report: the units' sheet, then leaders, components, the organisation."""
    from .queries import ranked, visible_card

    root, month = home_root(user), _month(filters)
    if root is None or month is None:
        raise PermissionError("no organisation or month")
    card, rows, leaders, _visible = visible_card(user, root, month)
    first, *more = monthly_sheets(card, ranked(rows), ranked(leaders))
    return exportjobs.Table(
        title=first["title"],
        headers=first["headers"],
        rows=first["rows"],
        row=list,
        filename=f"scorecards-{month:%Y-%m}.xlsx",
        sheet=first["sheet"],
        more=tuple(more),
    )


def monthly_sheets(card: Scorecard, rows: list[dict], leaders: list[dict]) -> list[dict]:
    m = card.month.strftime("%Y-%m")
    org = card.root.name
    components = registry.components()
    state = (
        _("frozen on %(at)s") % {"at": card.frozen_at.strftime("%Y-%m-%d %H:%M")}
        if card.frozen_at is not None
        else _("not frozen yet")
    )
    return [
        {
            "sheet": _("Units"),
            "title": _("%(org)s: scorecards of the units, %(month)s (%(state)s)")
            % {"org": org, "month": m, "state": state},
            "headers": [_("Rank"), _("Unit"), _("Principal leader"), *case_headers()],
            "rows": [
                [r.get("rank") or "", r["unit"]["name"], r["leader"] or "", *_case_row(r)]
                for r in rows
            ],
        },
        {
            "sheet": _("Leaders"),
            "title": _("%(org)s: responsible leaders, %(month)s") % {"org": org, "month": m},
            "headers": [_("Rank"), _("Leader"), _("Role"), _("Unit"), *case_headers()],
            "rows": [
                [
                    r.get("rank") or "",
                    r["person"]["name"],
                    _("principal leader") if r["role"] == "leader" else _("party secretary"),
                    r["unit"]["name"],
                    *_case_row(r),
                ]
                for r in leaders
            ],
        },
        {
            "sheet": _("Contact, services, rules"),
            "title": _("%(org)s: work beside the cases, %(month)s") % {"org": org, "month": m},
            "headers": [_("Unit"), *[str(c.label) for c in components]],
            "rows": [
                [r["unit"]["name"], *[_cell(r["components"].get(c.key)) for c in components]]
                for r in rows
            ],
        },
        {
            "sheet": _("The organisation"),
            "title": _("%(org)s: the whole organisation, %(month)s") % {"org": org, "month": m},
            "headers": case_headers(),
            "rows": [_case_row(card.organisation)],
        },
    ]

"""Workbench pages of the scorecards: the organisation's month (units and leaders ranked,
components beside the composite, 红黑榜, freezing), a unit's month (every number a link to
its records, trend, the level above's comments) and the records behind one figure."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianxin.core import export_views
from lianxin.core.forms import try_action
from lianxin.core.months import next_month, parse, previous_month
from lianxin.core.views import staff_required
from lianxin.org.queries import organisation_of

from . import access, actions, metrics, queries, registry


def _next_begun(month):
    """The month after, or None when it has not begun (no button to an empty future)."""
    from django.utils import timezone

    from lianxin.core import clock
    from lianxin.core.months import first_of

    after = next_month(month)
    return after if after <= first_of(timezone.localdate(clock.now())) else None


PAGE = 50


def _month(text: str):
    month = parse(text)
    if month is None:
        raise Http404
    return month


def _columns() -> list[dict]:
    """The ranking keys: the composite, the four rates, then the apps' components."""
    cols = [
        {"key": "composite", "label": _("Composite")},
        {"key": "response", "label": _("Response rate")},
        {"key": "on_time", "label": _("On-time rate")},
        {"key": "resolution", "label": _("Resolution rate")},
        {"key": "satisfaction", "label": _("Satisfaction rate")},
    ]
    return cols + [
        {"key": c.key, "label": c.label, "lower": not c.higher_is_better}
        for c in registry.components()
    ]


def _with_cells(row: dict, components) -> dict:
    row = dict(row)
    row["cells"] = [(c, (row.get("components") or {}).get(c.key)) for c in components]
    return row


def _visible(request, month, *, components: bool = True):
    """The organisation's card of the month and the rows the user may see."""
    root = access.root_for(request.user)
    card, rows, leaders, visible = queries.visible_card(
        request.user, root, month, components=components
    )
    return root, card, rows, leaders, visible


@staff_required
def organisation(request: HttpRequest) -> HttpResponse:
    month = parse(request.GET.get("month", "")) or queries.default_month()
    root, card, rows, leaders, visible = _visible(request, month)
    cols = _columns()
    by = request.GET.get("by", "composite")
    col = next((c for c in cols if c["key"] == by), cols[0])
    components = registry.components()
    ranked = [
        _with_cells(r, components)
        for r in queries.ranked(rows, col["key"], higher_is_better=not col.get("lower"))
    ]
    leaders = queries.ranked(leaders, col["key"], higher_is_better=not col.get("lower"))
    red, black = queries.red_black(rows)
    chart = {
        "names": [r["unit"]["name"] for r in ranked if r["composite"] is not None],
        "values": [r["composite"] for r in ranked if r["composite"] is not None],
        "label": str(_("Composite")),
    }
    return render(
        request,
        "stats/organisation.html",
        {
            "root": root,
            "month": month,
            "card": card,
            "organisation": _with_cells(card.organisation, components),
            "rows": ranked,
            "leaders": leaders,
            "red": red,
            "black": black,
            "cols": cols,
            "by": col,
            "components": components,
            "chart": chart,
            "history": queries.history(root, month),
            "may_freeze": access.may_freeze(request.user, root),
            "previous": previous_month(month),
            "next": _next_begun(month),
        },
    )


@require_POST
@staff_required
def report_export(request: HttpRequest, month: str) -> HttpResponse:
    """The monthly report (a sheet per table), written in the background."""
    return export_views.start(request, "scorecards", month=month)


@staff_required
def report_print(request: HttpRequest, month: str) -> HttpResponse:
    first = _month(month)
    root, card, rows, leaders, _visible_ids = _visible(request, first)
    components = registry.components()
    return render(
        request,
        "stats/print.html",
        {
            "root": root,
            "month": first,
            "card": card,
            "organisation": card.organisation,
            "rows": [_with_cells(r, components) for r in queries.ranked(rows)],
            "leaders": queries.ranked(leaders),
            "components": components,
        },
    )


@require_POST
@staff_required
def freeze(request: HttpRequest, month: str) -> HttpResponse:
    root = access.root_for(request.user)
    first = _month(month)
    done = try_action(
        request,
        lambda: actions.scorecard_freeze(
            root=root, month=first, actor=request.user, reason=request.POST.get("reason", "")
        ),
    )
    if done:
        messages.success(request, _("%(month)s is frozen.") % {"month": month})
    return redirect(f"{reverse('workbench:scorecards')}?month={month}")


def _unit_page(request, unit_id: int, month: str):
    unit = access.access_unit(request.user, unit_id)
    root = organisation_of(unit)
    return unit, root, _month(month)


@staff_required
def unit_month(request: HttpRequest, unit_id: int, month: str) -> HttpResponse:
    unit, root, first = _unit_page(request, unit_id, month)
    card = queries.scorecard(root, first)
    row = card.row(unit.pk)
    if row is None:
        raise Http404
    components = registry.components()
    trend = queries.trend(root, unit.pk, first)
    leaders = [r for r in card.leaders if r["unit"]["id"] == unit.pk]
    for leader in leaders:
        leader["cells"] = [(c, leader["components"].get(c.key)) for c in components]
    links = {c.key: (c.link(unit.pk, first) if c.link else "") for c in components}
    return render(
        request,
        "stats/unit_month.html",
        {
            "unit": unit,
            "root": root,
            "month": first,
            "card": card,
            "row": _with_cells(row, components),
            "links": links,
            "leaders": leaders,
            "trend": {
                "months": [t["month"] for t in trend],
                "series": [
                    {"name": str(label), "values": [t[key] for t in trend]}
                    for key, label in (
                        ("composite", _("Composite")),
                        ("response", _("Response rate")),
                        ("on_time", _("On-time rate")),
                        ("satisfaction", _("Satisfaction rate")),
                    )
                ],
            },
            "comments": queries.comments(unit, first),
            "may_comment": access.comments_on(request.user, unit),
            "weights": card.data.get("weights", metrics.weights()),
            "previous": previous_month(first),
            "next": _next_begun(first),
        },
    )


@require_POST
@staff_required
def comment(request: HttpRequest, unit_id: int, month: str) -> HttpResponse:
    unit, root, first = _unit_page(request, unit_id, month)
    done = try_action(
        request,
        lambda: actions.month_comment(
            unit=unit, month=first, text=request.POST.get("text", ""), actor=request.user
        ),
    )
    if done:
        messages.success(request, _("Comment saved."))
    return redirect("workbench:scorecard_unit", unit.pk, month)


@staff_required
def unit_records(request: HttpRequest, unit_id: int, month: str, what: str) -> HttpResponse:
    unit, root, first = _unit_page(request, unit_id, month)
    qs = queries.visible_records(request.user, root, unit, first, what)
    if qs is None:
        raise Http404
    page = Paginator(qs, PAGE).get_page(request.GET.get("page"))
    rows = [(case, queries.exclusion_reason(case)) for case in page.object_list]
    return render(
        request,
        "stats/records.html",
        {
            "unit": unit,
            "month": first,
            "what": what,
            "title": queries.DRILL[what],
            "page": page,
            "rows": rows,
            "total": page.paginator.count,
        },
    )


@staff_required
def organ_home(request: HttpRequest) -> HttpResponse:
    """The organ leader's home: this month's scorecard so far, overdue and supervised cases
    by unit (each a link to the cases), what awaits a decision."""
    from django.utils import timezone

    from lianxin.core import clock
    from lianxin.core.months import first_of

    month = first_of(timezone.localdate(clock.now()))
    if not access.sees_all(request.user, access.root_for(request.user)):
        raise Http404
    root, card, rows, leaders, visible = _visible(request, month, components=False)
    counts, waiting = queries.awaiting_decision(root)
    return render(
        request,
        "stats/organ_home.html",
        {
            "root": root,
            "month": month,
            "card": card,
            "rows": queries.ranked(rows),
            "organisation": card.organisation,
            "stalled": queries.overdue_by_unit(root),
            "counts": counts,
            "waiting": waiting,
        },
    )

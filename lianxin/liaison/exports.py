"""A month of people's sentiment diaries and the cadence of contact points as a background
export (core.exportjobs, registered in lianxin_hooks): the diaries page's people (the user
and the cadres under him) and filters (month, cadre); the needs of each chunk of entries
read with one query, the cadence as a second sheet."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext as _

from lianxin.core import exportjobs
from lianxin.core.months import last_day, parse
from lianxin.org.access import home_root, is_staff_member

VISIT_FIELDS = (
    "pk",
    "day",
    "person__name",
    "place__name",
    "kind",
    "met",
    "said",
    "reviewed_by__name",
)


def _month(filters):
    return parse(exportjobs.one(filters, "month"))


def allowed(user, filters) -> bool:
    """The diaries page's rule: a staff member of an organisation; and a month."""
    return is_staff_member(user) and home_root(user) is not None and _month(filters) is not None


def title(user, filters) -> str:
    root, month = home_root(user), _month(filters)
    return _("People's sentiment diaries of %(org)s, %(month)s") % {
        "org": root.name if root else "",
        "month": month.strftime("%Y-%m") if month else "",
    }


def _needs_of(chunk: list) -> dict[int, str]:
    """The needs of a chunk of entries, joined with their cases (one query)."""
    from lianxin.cases.models import Status

    from .models import Need

    statuses = exportjobs.labels(Status.choices)
    texts: dict[int, list[str]] = defaultdict(list)
    for visit, text, code, status in (
        Need.objects.filter(visit_id__in=[v[0] for v in chunk])
        .order_by("pk")
        .values_list("visit_id", "text", "case__code", "case__status")
    ):
        texts[visit].append(text + (f"（{code} {statuses.get(status, '')}）" if code else ""))
    return {visit: "；".join(parts) for visit, parts in texts.items()}


def table(user, filters) -> exportjobs.Table:
    from . import access, queries
    from .models import Visit

    root, month = home_root(user), _month(filters)
    if root is None or month is None:
        raise PermissionError("no organisation or month")
    people = access.people_under(user, root)
    person = exportjobs.one(filters, "person")
    shown = people.filter(pk=person) if person.isdigit() else people
    kinds = exportjobs.labels(Visit.Kind.choices)

    def expand(chunk):
        needs = _needs_of(chunk)
        return (
            [v[1].isoformat(), v[2], v[3], kinds.get(v[4], ""), v[5], v[6], needs.get(v[0], ""),
             v[7] or ""]
            for v in chunk
        )  # fmt: skip

    states = {"done": _("visits done"), "due": _("visits to make"), "overdue": _("visits missed")}
    cadence = [
        [r["point"].person.name, r["point"].place.name, r["asked"], r["done"], states[r["state"]]]
        for r in queries.cadence(shown, month)
    ]
    visits = (
        Visit.objects.filter(person__in=shown, day__gte=month, day__lte=last_day(month))
        .order_by("-day", "-pk")
        .values_list(*VISIT_FIELDS)
    )
    return exportjobs.Table(
        title=title(user, filters),
        headers=[_("Date"), _("Cadre"), _("Place"), _("Kind"), _("Who was met"),
                 _("What they said"), _("Needs"), _("Checked by")],
        rows=exportjobs.Chunked(visits, expand),
        row=list,
        filename=f"diaries-{month:%Y-%m}.xlsx",
        sheet=_("Diaries"),
        more=({
            "sheet": _("Cadence"),
            "title": _("Cadence"),
            "headers": [_("Cadre"), _("Place"), _("Visits asked"), _("Visits done"), _("State")],
            "rows": cadence,
        },),
    )  # fmt: skip

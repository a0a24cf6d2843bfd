"""The study table of a regulation's version (per unit: cadres, confirmed, rate, who is
missing) as a background export (core.exportjobs, registered in lianxin_hooks), for those
who may open the version's page; a draft has no study table."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from lianxin.core import exportjobs
from lianxin.org.access import is_staff_member


def _version(user, filters):
    """The version if the user may open its page and it is issued, else None."""
    from . import access
    from .models import VersionStatus

    pk = exportjobs.one(filters, "version")
    if not pk.isdigit() or not is_staff_member(user):
        return None
    try:
        version = access.access_version(user, int(pk))
    except Http404:
        return None
    return None if version.status == VersionStatus.DRAFT else version


def allowed(user, filters) -> bool:
    return _version(user, filters) is not None


def title(user, filters) -> str:
    v = _version(user, filters)
    if v is None:
        return ""
    return _("Study of %(title)s (version %(n)d)") % {"title": v.regulation.title, "n": v.number}


def table(user, filters) -> exportjobs.Table:
    from . import queries

    v = _version(user, filters)
    if v is None:
        raise PermissionError("not allowed")
    rows = [
        [
            str(getattr(row.unit, "name", "")),
            row.total,
            row.done,
            f"{row.rate}%",
            "、".join(p.name for p in row.missing),
        ]
        for row in queries.study_by_unit(v)
    ]
    return exportjobs.Table(
        title=title(user, filters),
        headers=[_("Unit"), _("Cadres"), _("Confirmed"), _("Rate"), _("Missing")],
        rows=rows,
        row=list,
        filename=f"{v.regulation.title}-v{v.number}.xlsx",
        sheet=_("Study by unit"),
    )

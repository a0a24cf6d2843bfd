"""The staff roster (花名册) as a background export (core.exportjobs, registered in
lianxin_hooks): everyone of the user's organisation, the phone only for people of the
units he governs; the role grants of each chunk of people read with one query."""

from __future__ import annotations

from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext as _

from lianxin.core import clock, exportjobs

from .models import Person, RoleGrant

FIELDS = (
    "pk",
    "name",
    "unit__name",
    "position",
    "is_party_member",
    "phone",
    "unit_id",
    "is_active",
)


def allowed(user, filters) -> bool:
    """The people page's rule: a staff member of an organisation."""
    from . import access

    return access.is_staff_member(user) and access.home_root(user) is not None


def title(user, filters) -> str:
    from . import access

    root = access.home_root(user)
    return _("Staff roster of %(org)s") % {"org": root.name if root else ""}


def _roles_of(chunk: list) -> dict[int, str]:
    """ "甲站承办人、..." for each person of a chunk (one query)."""
    labels = exportjobs.labels(RoleGrant._meta.get_field("role").choices)
    roles: dict[int, list[str]] = defaultdict(list)
    for person, unit, role in (
        RoleGrant.objects.filter(person_id__in=[p[0] for p in chunk])
        .order_by("pk")
        .values_list("person_id", "unit__name", "role")
    ):
        roles[person].append(unit + labels.get(role, role))
    return {person: "、".join(parts) for person, parts in roles.items()}


def table(user, filters) -> exportjobs.Table:
    from . import access

    root = access.home_root(user)
    if root is None:
        raise PermissionError("no organisation")
    governed = set(access.governed_units(user, root).values_list("pk", flat=True))
    yes, no = _("yes"), _("no")
    people = (
        Person.objects.filter(unit__path__startswith=root.path)
        .order_by("unit__path", "-is_active", "name")
        .values_list(*FIELDS)
    )
    numbers = iter(range(1, 1 << 62))

    def expand(chunk):
        roles = _roles_of(chunk)
        return (
            [next(numbers), p[1], p[2], p[3], yes if p[4] else no,
             p[5] if p[6] in governed else "", roles.get(p[0], ""), yes if p[7] else no]
            for p in chunk
        )  # fmt: skip

    today = timezone.localdate(clock.now())
    return exportjobs.Table(
        title=title(user, filters),
        headers=[_("No."), _("Name"), _("Unit"), _("Position"), _("Party member"), _("Phone"),
                 _("Roles"), _("Active")],
        rows=exportjobs.Chunked(people, expand),
        row=list,
        filename=_("roster") + f"-{today:%Y%m%d}.xlsx",
        sheet=_("Roster"),
    )  # fmt: skip

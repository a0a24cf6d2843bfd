"""The leaders' homes (one small dispatch): the organisation's principal leader or party
secretary lands on the organ leader's home (the scorecard, overdue and supervised cases by
unit, what awaits a decision); a station's leader or secretary on his station's scorecard
of the month. Every other role keeps the plain workbench home."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from lianxin.core import clock
from lianxin.org.access import person_of
from lianxin.org.models import Role, Unit

LEADING = (Role.LEADER, Role.SECRETARY)


def home_for(user) -> str | None:
    person = person_of(user)
    if person is None:
        return None
    grants = list(
        person.grants.filter(role__in=LEADING).select_related("unit").order_by("unit__depth")
    )
    if not grants:
        return None
    unit = grants[0].unit
    if unit.parent_id is None:
        return reverse("workbench:scorecard_home")
    if unit.kind == Unit.Kind.STATION:
        month = timezone.localdate(clock.now()).strftime("%Y-%m")
        return reverse("workbench:scorecard_unit", args=[unit.pk, month])
    return None

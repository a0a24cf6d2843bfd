"""The homes of the people who work the register: an operator lands on fast entry (the
phone rings), a dispatcher on what came in, a handler on his own cases, a supervisor on the
cases past their deadline (what he is there to press)."""

from __future__ import annotations

from django.urls import reverse

from lianxin.org.access import person_of
from lianxin.org.models import Role, RoleGrant


def home_for(user) -> str | None:
    person = person_of(user)
    if person is None:
        return None
    roles = set(RoleGrant.objects.filter(person=person).values_list("role", flat=True))
    queue = reverse("workbench:case_queue")
    if Role.DISPATCHER in roles:
        return f"{queue}?tab=incoming"
    if Role.OPERATOR in roles:
        return reverse("workbench:case_entry")
    if Role.HANDLER in roles:
        return f"{queue}?tab=mine"
    if Role.SUPERVISOR in roles:
        return f"{queue}?overdue=on"
    return None

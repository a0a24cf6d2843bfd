"""The party-building office's home: the grid of the stations' monthly plans and reports."""

from __future__ import annotations

from django.urls import reverse

from lianxin.org.access import person_of
from lianxin.org.models import RoleGrant, Unit

from .access import office_unit


def home_for(user) -> str | None:
    person = person_of(user)
    if person is None:
        return None
    root = Unit.objects.filter(pk=person.unit.root_id).first()
    office = office_unit(root) if root is not None else None
    if office is None:
        return None
    if person.unit_id == office.pk or RoleGrant.objects.filter(person=person, unit=office).exists():
        return reverse("workbench:partywork")
    return None

"""The inspector's home: the register of misconduct reports he handles."""

from __future__ import annotations

from django.urls import reverse

from lianxin.org.access import person_of
from lianxin.org.models import Unit

from .access import is_inspector


def home_for(user) -> str | None:
    person = person_of(user)
    if person is None:
        return None
    root = Unit.objects.filter(pk=person.unit.root_id).first()
    if root is not None and is_inspector(user, root):
        return reverse("workbench:reports")
    return None

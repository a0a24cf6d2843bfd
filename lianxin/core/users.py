"""What core asks about a login, answered by the app that holds people and roles.

Core imports no domain app, yet its pages need to know whether a login is staff (has a
person in an organisation), administers anything, or must pass a second factor. The app that
knows (org) registers an answer per question in its `lianxin_hooks.py`:

    users.register(users.STAFF, is_staff_member)

Without an answer, only a superuser counts (so core alone is safe, never open).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from .models import User

STAFF = "staff"  # a login with a staff profile: may open the workbench
ADMIN = "admin"  # administers some unit: the calendar, setup pages
POWER = "power"  # holds a role with power over others' data: needs the second factor


class AuthedRequest(HttpRequest):
    """The request of a view behind `login_required` (or `staff_required`): its user is a
    login, never AnonymousUser. Only an annotation (django-stubs' advice for such views)."""

    user: User


_answers: dict[str, Callable[[object], bool]] = {}


def register(question: str, answer: Callable[[object], bool]) -> None:
    _answers[question] = answer


def ask(question: str, user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "is_superuser", False):
        return True
    answer = _answers.get(question)
    return bool(answer and answer(user))

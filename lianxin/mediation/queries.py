"""Reads of mediation for its pages: the people who may mediate, a dispute's parties and
sessions."""

from __future__ import annotations

from django.db.models import QuerySet

from lianxin.org.models import Person, Unit

from .models import Dispute, Party, Session


def mediators_of(root: Unit) -> QuerySet[Person]:
    """The organisation's active staff, any of whom may be named mediator."""
    return Person.objects.filter(unit__path__startswith=root.path, is_active=True)


def parties_of(dispute: Dispute) -> list[Party]:
    return list(dispute.parties.all())


def sessions_of(dispute: Dispute) -> list[Session]:
    return list(dispute.sessions.all())

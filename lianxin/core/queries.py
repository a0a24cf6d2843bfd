"""Reads of core's own records for its pages: the official calendar and the inbox."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet
from django.http import Http404

from .models import CalendarYear, Notice, WorkdayOverride

INBOX_SIZE = 100


def overrides_of_year(year: int) -> list[WorkdayOverride]:
    """The administrators' changes to the official calendar within a year."""
    return list(
        WorkdayOverride.objects.filter(date__gte=date(year, 1, 1), date__lte=date(year, 12, 31))
    )


def override(pk: int) -> WorkdayOverride:
    found = WorkdayOverride.objects.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def calendar_years() -> QuerySet[CalendarYear]:
    """The years whose official calendar was entered by hand."""
    return CalendarYear.objects.all()


def calendar_year(year: int) -> CalendarYear | None:
    return CalendarYear.objects.filter(year=year).first()


def inbox(user) -> list[Notice]:
    """The newest notices of a login's inbox."""
    return list(Notice.objects.filter(recipient=user)[:INBOX_SIZE])

"""Reads of core's own records for its pages: the official calendar and the inbox. For every
app: `by_pk`, the rows of a list of choices picked by their ids (the JSON API's bodies name
them), and `rows_of`, a relation's rows as read with their record or else read now."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

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


def by_pk(choices: QuerySet | None, pks: Iterable[int]) -> dict[int, Any]:
    """The rows among `choices` whose ids are `pks`, by id (one query; none for no choices):
    the caller tells which ids are missing (an id of another organisation is one of them)."""
    if choices is None:
        return {}
    return {row.pk: row for row in choices.filter(pk__in=list(pks))}


def rows_of(obj: Any, relation: str, read: Callable[[], Iterable]) -> list:
    """The rows of `obj`'s `relation` as a list read with `obj` (`prefetch_related`: no
    query, however many records a list shows), else `read()` (one query)."""
    if relation in getattr(obj, "_prefetched_objects_cache", {}):
        return list(getattr(obj, relation).all())
    return list(read())

"""The cadre record (干部档案): one page per person and year gathering his diary and its checks,
contact-point cadence, stints, study, party work as secretary, cases handled with their
ratings, and penalties. Who may read it: `access.sees_record`; anyone else gets 404."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from lianxin.core import clock
from lianxin.core.views import staff_required

from . import access, queries

FIRST_YEAR = 2000


@staff_required
def cadre_record(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.access_record(request.user, pk)
    this_year = timezone.localdate(clock.now()).year
    text = request.GET.get("year", "")
    year = int(text) if text.isdecimal() and len(text) == 4 else this_year
    if not FIRST_YEAR <= year <= this_year:
        year = this_year
    first = min(timezone.localdate(person.created_at).year, this_year)
    years = list(range(this_year, min(first, year) - 1, -1))
    return render(
        request,
        "org/cadre_record.html",
        {
            "person": person,
            "record": queries.cadre_record(person, year),
            "year": year,
            "years": years,
            "today": timezone.localdate(clock.now()),
        },
    )


@staff_required
def my_record(request: HttpRequest) -> HttpResponse:
    """The person's own record (his menu links here)."""
    me = access.person_of(request.user)
    if me is None:
        raise Http404
    return redirect("workbench:cadre_record", pk=me.pk)

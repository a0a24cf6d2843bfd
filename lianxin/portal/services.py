"""Public pages of services: the list and each guide (printable as a one-time notice), the
commitments with live performance, the monthly reviews, and the applicant's rating form."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from lianxin.catalog import actions, queries
from lianxin.catalog.forms import ReviewForm
from lianxin.core import clock, ratelimit
from lianxin.core.forms import run_action

from .cases import portal_root


def service_list(request: HttpRequest) -> HttpResponse:
    root = portal_root()
    q = request.GET.get("q", "").strip()[:50]
    services = list(queries.public_services(root, q))
    guides = queries.published_guides(services)
    for s in services:
        s.guide = guides.get(s.pk)
    return render(request, "portal/services.html", {"services": services, "q": q})


def service_guide(request: HttpRequest, code: str) -> HttpResponse:
    root = portal_root()
    guide = queries.public_guide(root, code)
    if guide is None:
        raise Http404
    return render(
        request,
        "portal/service.html",
        {
            "service": guide.service,
            "guide": guide,
            "notice": request.GET.get("notice") == "1",
            "today": clock.now(),
        },
    )


def commitments(request: HttpRequest) -> HttpResponse:
    return render(
        request, "portal/commitments.html", {"performance": queries.performance(portal_root())}
    )


def reviews(request: HttpRequest) -> HttpResponse:
    from django.utils import timezone

    from lianxin.core.months import first_of, parse, previous_month

    this_month = first_of(timezone.localdate(clock.now()))
    month = parse(request.GET.get("month", "")) or this_month
    return render(
        request,
        "portal/reviews.html",
        {
            "month": month,
            "rows": queries.monthly_reviews(portal_root(), month),
            "previous": previous_month(month),
            "this_month": this_month,
        },
    )


@never_cache
def review(request: HttpRequest) -> HttpResponse:
    form = ReviewForm(request.POST or None, initial={"code": request.GET.get("code", "")})
    done = None
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if not ratelimit.allowed(request, "review", limit=10):
            form.add_error(None, ratelimit_message())
        else:
            done = run_action(
                form,
                lambda: actions.review_submit(
                    code=d["code"], secret=d["secret"], level=d["level"], reasons=d["reasons"]
                ),
            )
    return render(
        request,
        "portal/review.html",
        {"form": form, "done": done},
        status=400 if form.errors else 200,
    )


def ratelimit_message():
    from django.utils.translation import gettext as _

    return _("Too many attempts. Try again in a while.")

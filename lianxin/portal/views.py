"""The public portal: pages for citizens, no models of its own."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext_lazy as _

from lianxin.discipline.urls import portal_urls as discipline_urls
from lianxin.org import queries as org_queries
from lianxin.rules.urls import portal_urls as rules_urls

from . import board, cases, figures, services

# The home page's cards: each opens the form with its kind already chosen.
KINDS = [
    ("consult", "chat-dots", _("Consult"), _("Questions about roads, permits and services.")),
    ("help", "life-preserver", _("Seek help"), _("Road damage, hazards, blocked drains.")),
    ("complaint", "megaphone", _("Complain"), _("Poor service or conduct of staff.")),
    ("suggestion", "lightbulb", _("Suggest"), _("Ideas to make our work better.")),
]


def home(request: HttpRequest) -> HttpResponse:
    try:  # the organisation the portal's submissions go to (LIANXIN_PORTAL_UNIT)
        organisations = [cases.portal_root()]
    except Http404:
        organisations = []
    stations = org_queries.active_stations()
    return render(
        request,
        "portal/home.html",
        {
            "organisations": organisations,
            "stations": stations,
            "kinds": KINDS,
            "hotline": settings.LIANXIN_HOTLINE,
        },
    )


def not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def forbidden(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "errors/500.html", status=500)


urlpatterns = [
    path("", home, name="home"),
    path("submit/", cases.submit, name="submit"),
    path("submit/kept/<str:token>/<str:sha256>/", cases.submit_kept, name="submit_kept"),
    path("track/", cases.track, name="track"),
    path("track/phone/", cases.track_phone, name="track_phone"),
    path("track/phone/code/", cases.track_phone_code, name="track_phone_code"),
    path("track/<str:code>/", cases.track_case, name="track_case"),
    path("track/<str:code>/files/<int:pk>/", cases.track_file, name="track_file"),
    path("track/<str:code>/<str:name>/", cases.track_act, name="track_act"),
    path("board/", board.board, name="board"),
    path("board/post/", cases.board_post, name="board_post"),
    path("board/<str:code>/", board.board_case, name="board_case"),
    path("services/", services.service_list, name="services"),
    path("services/commitments/", services.commitments, name="commitments"),
    path("services/reviews/", services.reviews, name="reviews"),
    path("services/review/", services.review, name="review"),
    path("services/<slug:code>/", services.service_guide, name="service"),
    path("figures/", figures.figures, name="figures"),
    path("figures/<str:month>.csv", figures.figures_csv, name="figures_csv"),
    path("figures/<str:month>.json", figures.figures_json, name="figures_json"),
    *rules_urls,
    *discipline_urls,
]

"""Public figures of the scorecards (frozen months only) and their open data as CSV and
JSON, with the fields documented on the page. No personal data."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from lianxin.core.exports import csv_response
from lianxin.core.months import parse
from lianxin.stats import public

from .cases import portal_root


def _figures(month_text: str | None):
    root = portal_root()
    months = public.frozen_months(root)
    month = parse(month_text) if month_text else (months[0] if months else None)
    if month_text and month is None:
        raise Http404
    data = public.month_figures(root, month) if month else None
    if month_text and data is None:
        raise Http404
    return root, months, data


def figures(request: HttpRequest) -> HttpResponse:
    root, months, data = _figures(request.GET.get("month"))
    chart = None
    if data and data["categories"]:
        chart = {
            "names": [c["name"] for c in data["categories"]],
            "values": [c["received"] for c in data["categories"]],
            "label": "",
        }
    return render(
        request,
        "portal/figures.html",
        {"root": root, "months": months, "data": data, "chart": chart, "fields": public.FIELDS},
    )


def figures_csv(request: HttpRequest, month: str) -> HttpResponse:
    _root, _months, data = _figures(month)
    names = [name for name, _doc in public.FIELDS]
    return csv_response(fieldnames=names, rows=data["units"], filename=f"scorecards-{month}.csv")


def figures_json(request: HttpRequest, month: str) -> JsonResponse:
    _root, _months, data = _figures(month)
    return JsonResponse(
        {**data, "fields": dict(public.FIELDS)}, json_dumps_params={"ensure_ascii": False}
    )

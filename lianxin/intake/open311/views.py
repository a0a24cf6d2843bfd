"""Open311 GeoReport v2 at /open311/v2/ (http://wiki.open311.org/GeoReport_v2): discovery,
services, service definitions, requests (GET and POST), one request, tokens. JSON or XML by
suffix; errors in the specification's format. GET output carries no personal data; without
an api_key it gives exactly what the public message board gives (cases the citizen agreed to
publish, once answered; no coordinates, no media), and with a client's api_key also the
requests of its organisation, with coordinates and media only of the requests it posted."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from lianxin.cases.models import Case, Status
from lianxin.cases.text import public_view
from lianxin.core import clock
from lianxin.core.errors import ApplicationError

from .. import access, actions, queries
from .formats import error, render

OPEN = [Status.RECEIVED, Status.DISPATCHED, Status.IN_PROGRESS]
DEFAULT_DAYS = 90
MAX_RESULTS = 1000
MAX_PAGE = 100_000


def _w3c(value) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def _root(request, fmt):
    code = request.GET.get("jurisdiction_id") or request.POST.get("jurisdiction_id")
    root = queries.jurisdiction(code, default=getattr(settings, "LIANXIN_PORTAL_UNIT", ""))
    if root is None and code:
        return None, error(fmt, 404, "jurisdiction_id not found")
    if root is None:
        return None, error(fmt, 404, "no jurisdiction")
    return root, None


def _fmt(fmt: str) -> str:
    return fmt if fmt in ("json", "xml") else "json"


def discovery(request, fmt):
    fmt = _fmt(fmt)
    base = request.build_absolute_uri(reverse("open311:discovery", args=["json"]))
    base = base.rsplit("/", 1)[0] + "/"
    return render(
        fmt,
        {
            "changeset": "2026-11-29T00:00:00+08:00",
            "contact": getattr(settings, "LIANXIN_CONTACT", "") or _("Lianxin"),
            "key_service": _("Ask the administrator of the organisation for an api_key."),
            "endpoints": [
                {
                    "specification": "http://wiki.open311.org/GeoReport_v2",
                    "url": base.rstrip("/"),
                    "changeset": "2026-11-29T00:00:00+08:00",
                    "type": "production",
                    "formats": ["text/xml", "application/json"],
                }
            ],
        },
        root_tag="discovery",
    )


def services(request, fmt):
    fmt = _fmt(fmt)
    root, err = _root(request, fmt)
    if err:
        return err
    rows = [
        {
            "service_code": str(c.pk),
            "service_name": c.name,
            "description": c.name,
            "metadata": bool(queries.questions_of(c)),
            "type": "realtime",
            "keywords": "",
            "group": root.name,
        }
        for c in queries.open311_services(root)
    ]
    return render(fmt, rows, root_tag="services", item_tag="service")


def service_definition(request, code, fmt):
    fmt = _fmt(fmt)
    root, err = _root(request, fmt)
    if err:
        return err
    category = queries.open311_service(root, int(code)) if code.isdigit() else None
    if category is None:
        return error(fmt, 404, "service_code not found")
    return render(
        fmt,
        {
            "service_code": str(category.pk),
            "attributes": [
                {
                    "variable": q.variable,
                    "code": q.code,
                    "datatype": q.datatype,
                    "required": q.required,
                    "datatype_description": q.datatype_description,
                    "order": q.order,
                    "description": q.description,
                    "values": [{"key": v["key"], "name": v["name"]} for v in q.values],
                }
                for q in queries.questions_of(category)
            ],
        },
        root_tag="service_definition",
    )


def _status(case: Case) -> tuple[str, str]:
    if case.status in OPEN:
        notes = {
            Status.RECEIVED: _("received"),
            Status.DISPATCHED: _("dispatched"),
            Status.IN_PROGRESS: _("in progress"),
        }[case.status]
        return "open", str(notes)
    notes = {
        Status.REPLIED: _("replied"),
        Status.CLOSED: _("closed"),
        Status.WITHDRAWN: _("withdrawn"),
        Status.MERGED: _("merged"),
    }[case.status]
    if case.status == Status.MERGED and case.merged_into_id:
        notes = f"{notes} {case.merged_into.code}"
    return "closed", str(notes)


def _caller(request, root, fmt):
    """(the Open311 client of the api_key, or None for the public; an error response)."""
    key = request.GET.get("api_key", "")
    if not key:
        return None, None
    client = access.open311_client(key, root)
    if client is None:
        return None, error(fmt, 403, "api_key is not valid")
    return client, None


def _request_row(case: Case, location: dict) -> dict:
    status, notes = _status(case)
    view = public_view(case) if case.is_public else None
    return {
        "service_request_id": case.code,
        "status": status,
        "status_notes": notes,
        "service_name": case.category.name,
        "service_code": str(case.category_id),
        "description": view["content"] if view else "",
        "agency_responsible": case.lead_unit.name if case.lead_unit_id else "",
        "service_notice": "",
        "requested_datetime": _w3c(case.received_at),
        "updated_datetime": _w3c(case.updated_at),
        "expected_datetime": _w3c(case.reply_due),
        "address": view["place"] if view else "",
        "address_id": "",
        "zipcode": "",
        "lat": location.get("lat") or "",
        "long": location.get("long") or "",
        "media_url": location.get("media_url") or "",
    }


def _parse_date(value: str):
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return parsed if parsed.tzinfo else timezone.make_aware(parsed)
    except (ValueError, OverflowError):
        return None


@csrf_exempt
def requests(request, fmt):
    fmt = _fmt(fmt)
    if request.method == "POST":
        return _post_request(request, fmt)
    root, err = _root(request, fmt)
    if err:
        return err
    client, err = _caller(request, root, fmt)
    if err:
        return err
    ids = [i.strip() for i in request.GET.get("service_request_id", "").split(",") if i.strip()]
    if ids:
        wanted_by = queries.RequestFilter(ids=ids)
    else:
        codes = [c for c in request.GET.get("service_code", "").split(",") if c.strip().isdigit()]
        if request.GET.get("service_code") and not codes:
            return error(fmt, 400, "service_code is not valid")
        end = _parse_date(request.GET["end_date"]) if request.GET.get("end_date") else clock.now()
        try:
            start = (
                _parse_date(request.GET["start_date"])
                if request.GET.get("start_date")
                else (end - timedelta(days=DEFAULT_DAYS) if end else None)
            )
        except OverflowError:  # an end_date in the first days of year 1
            start = None
        if start is None or end is None:
            return error(fmt, 400, "start_date and end_date must be W3C datetimes")
        status = request.GET.get("status", "")
        wanted = {s.strip() for s in status.split(",") if s.strip()}
        if wanted - {"open", "closed"}:
            return error(fmt, 400, "status must be open or closed")
        wanted_by = queries.RequestFilter(
            codes=[int(c) for c in codes],
            start=start,
            end=end,
            status=wanted.pop() if len(wanted) == 1 else "",
        )
    try:
        page = max(1, int(request.GET.get("page", 1)))
        size = min(MAX_RESULTS, max(1, int(request.GET.get("page_size", MAX_RESULTS))))
    except ValueError:
        return error(fmt, 400, "page and page_size must be numbers")
    if page > MAX_PAGE:
        return error(fmt, 400, f"page must be at most {MAX_PAGE}")
    cases = queries.open311_requests(
        access.open311_readable(root, client),
        wanted_by,
        offset=(page - 1) * size,
        limit=size,
        open_statuses=OPEN,
    )
    locations = queries.open311_locations(cases, client)
    rows = [_request_row(c, locations.get(c.pk, {})) for c in cases]
    return render(fmt, rows, root_tag="service_requests", item_tag="request")


def request_detail(request, code, fmt):
    fmt = _fmt(fmt)
    root, err = _root(request, fmt)
    if err:
        return err
    client, err = _caller(request, root, fmt)
    if err:
        return err
    case = queries.open311_request(access.open311_readable(root, client), code)
    if case is None:
        return error(fmt, 404, "service_request_id not found")
    return render(
        fmt,
        [_request_row(case, queries.open311_locations([case], client).get(case.pk, {}))],
        root_tag="service_requests",
        item_tag="request",
    )


def token(request, token_id, fmt):
    """Requests are created synchronously: the token is the service_request_id itself."""
    fmt = _fmt(fmt)
    root, err = _root(request, fmt)
    if err:
        return err
    case = queries.open311_token(root, token_id)
    if case is None:
        return error(fmt, 404, "token not found")
    return render(
        fmt,
        [{"service_request_id": case.code, "token": token_id}],
        root_tag="service_requests",
        item_tag="request",
    )


def _post_request(request, fmt):
    key = request.POST.get("api_key", "")
    if not key:
        return error(fmt, 403, "api_key is required")
    client = access.open311_client(key)
    if client is None:
        return error(fmt, 403, "api_key is not valid")
    code = request.POST.get("service_code", "")
    category = queries.open311_service(client.root, int(code)) if code.isdigit() else None
    if category is None:
        return error(fmt, 400, "service_code not found")
    attributes: dict[str, list[str]] = {}
    for name in request.POST:
        if name.startswith("attribute[") and name.endswith("]"):
            inner = name[len("attribute[") : -1].rstrip("]").split("][")[0]
            attributes.setdefault(inner, []).extend(request.POST.getlist(name))
    p = request.POST
    try:
        case = actions.open311_receive(
            client=client,
            category=category,
            description=p.get("description", ""),
            attributes=attributes,
            lat=p.get("lat", ""),
            long=p.get("long", ""),
            address=p.get("address_string", ""),
            address_id=p.get("address_id", ""),
            first_name=p.get("first_name", ""),
            last_name=p.get("last_name", ""),
            phone=p.get("phone", ""),
            email=p.get("email", ""),
            media_url=p.get("media_url", ""),
            device_id=p.get("device_id", ""),
            account_id=p.get("account_id", ""),
        )
    except ApplicationError as err:
        return error(fmt, 400, str(err.message))
    return render(
        fmt,
        [
            {
                "service_request_id": case.code,
                "service_notice": "",
                "account_id": p.get("account_id", ""),
            }
        ],
        root_tag="service_requests",
        item_tag="request",
        status=201,
    )

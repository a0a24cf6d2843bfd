"""Reads of services: the public list, guides, commitments with live performance, the monthly
register of requests, the published reviews."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.db.models import Avg, Count, Q, QuerySet

from lianxin.core import clock
from lianxin.core.months import time_range
from lianxin.org.models import Unit

from .models import Commitment, GuideVersion, Review, Service, ServiceRequest


def public_services(root: Unit, q: str = "") -> QuerySet[Service]:
    qs = Service.objects.filter(root=root, is_active=True, versions__state="published")
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(versions__conditions__icontains=q)).distinct()
    return qs.select_related("unit").order_by("sort_order", "name")


def published_guides(services) -> dict[int, GuideVersion]:
    return {
        g.service_id: g
        for g in GuideVersion.objects.filter(service__in=services, state="published")
    }


def public_guide(root: Unit, code: str) -> GuideVersion | None:
    """The published guide of an active service of this code (its `service` fetched with it)."""
    return (
        GuideVersion.objects.filter(
            service__root=root, service__code=code, service__is_active=True, state="published"
        )
        .select_related("service")
        .first()
    )


def performance(root: Unit, *, days: int = 365) -> list[dict]:
    """Each commitment with how the unit really does over the last `days` (one query)."""
    since = clock.now() - timedelta(days=days)
    stats = {
        row["service"]: row
        for row in ServiceRequest.objects.filter(
            service__root=root, status="completed", completed_at__gte=since
        )
        .values("service")
        .annotate(
            done=Count("id"),
            on_time=Count("id", filter=Q(on_time=True)),
            avg_days=Avg("workdays_used"),
            bad=Count("id", filter=Q(review__level__lte=2, review__excluded=False)),
            rectified=Count(
                "id", filter=Q(review__level__lte=2, review__rectified_at__isnull=False)
            ),
        )
    }
    out = []
    for c in Commitment.objects.filter(root=root, is_active=True).select_related("service"):
        s: Mapping[str, Any] = stats.get(c.service_id, {}) if c.service_id else {}
        out.append(
            {
                "commitment": c,
                "done": s.get("done", 0),
                "on_time_share": (s["on_time"] / s["done"]) if s.get("done") else None,
                "avg_days": s.get("avg_days"),
                "bad": s.get("bad", 0),
                "rectified": s.get("rectified", 0),
            }
        )
    return out


def request_list(
    root: Unit, *, service=None, status: str = "", month: date | None = None, q: str = ""
) -> QuerySet[ServiceRequest]:
    qs = ServiceRequest.objects.filter(service__root=root).select_related("service__unit", "review")
    if service:
        qs = qs.filter(service=service)
    if status == "overdue":
        qs = qs.filter(status="in_progress", due_at__lt=clock.now())
    elif status:
        qs = qs.filter(status=status)
    if month:
        start, end = time_range(month)
        qs = qs.filter(received_at__gte=start, received_at__lt=end)
    if q:
        qs = qs.filter(Q(code=q) | Q(applicant_phone=q) | Q(subject__icontains=q))
    return qs.order_by("-received_at")


def monthly_reviews(root: Unit, month: date) -> list[dict]:
    """Per service, the month's reviews by level and the bad ones with their rectification
    (published on the portal)."""
    start, end = time_range(month)
    reviews = list(
        Review.objects.filter(
            request__service__root=root, created_at__gte=start, created_at__lt=end
        )
        .select_related("request__service")
        .order_by("request__service__sort_order", "created_at")
    )
    by_service: dict[int, dict] = {}
    for r in reviews:
        s = by_service.setdefault(
            r.request.service_id,
            {"service": r.request.service, "levels": {5: 0, 4: 0, 3: 0, 2: 0, 1: 0}, "bad": []},
        )
        s["levels"][r.level] += 1
        if r.bad and not r.excluded:
            s["bad"].append(r)
    return list(by_service.values())


def services_of(root: Unit) -> QuerySet[Service]:
    """The organisation's services, active or not, with their unit (the workbench list)."""
    return Service.objects.filter(root=root).select_related("unit")


def service_of(root: Unit, pk: int) -> Service | None:
    """A service of the organisation by its id (None for another organisation's)."""
    return Service.objects.filter(root=root, pk=pk).first()


def services_by_pk(pks: list[int]) -> QuerySet[Service]:
    return Service.objects.filter(pk__in=pks)


def guide_versions(service: Service) -> list[GuideVersion]:
    """Every version of a service's guide, with who published it."""
    return list(service.versions.select_related("published_by"))


def draft_of(service: Service) -> GuideVersion | None:
    """The draft of the service's next guide version, if one is being written."""
    return (
        service.versions.filter(state=GuideVersion.State.DRAFT)
        .select_related("service__root")
        .first()
    )


def review_of(req: ServiceRequest) -> Review | None:
    return Review.objects.filter(request=req).select_related("request__service").first()

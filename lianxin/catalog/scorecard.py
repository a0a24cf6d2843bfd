"""Services on the scorecards: requests completed within the promised time (M15, M16) and
bad reviews rectified (好差评 整改), per handling unit."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lianxin.core.months import time_range
from lianxin.stats.registry import Component, register

from .models import Review, ServiceRequest


def requests_on_time(root, month: date) -> dict:
    start, end = time_range(month)
    done: Counter = Counter()
    on_time: Counter = Counter()
    for unit_id, ok in ServiceRequest.objects.filter(
        service__root=root, completed_at__gte=start, completed_at__lt=end
    ).values_list("service__unit_id", "on_time"):
        done[unit_id] += 1
        on_time[unit_id] += bool(ok)
    return {"units": {k: (on_time[k], n) for k, n in done.items()}}


def bad_reviews_rectified(root, month: date) -> dict:
    start, end = time_range(month)
    bad: Counter = Counter()
    rectified: Counter = Counter()
    for unit_id, at in Review.objects.filter(
        request__service__root=root,
        created_at__gte=start,
        created_at__lt=end,
        level__lte=2,
        excluded=False,
    ).values_list("request__service__unit_id", "rectified_at"):
        bad[unit_id] += 1
        rectified[unit_id] += at is not None
    return {"units": {k: (rectified[k], n) for k, n in bad.items()}}


def register_components() -> None:
    register(
        Component(
            key="catalog.requests",
            label=_("Service requests on time"),
            compute=requests_on_time,
            link=lambda unit_id, month: reverse("workbench:service_requests"),
            order=20,
        )
    )
    register(
        Component(
            key="catalog.reviews",
            label=_("Bad reviews rectified"),
            compute=bad_reviews_rectified,
            link=lambda unit_id, month: reverse("workbench:service_requests"),
            order=21,
        )
    )

"""Service requests and bad reviews on the one clock: the unit hears when a request passes its
promised time limit and when a rectification is due."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from lianxin.core import clock
from lianxin.core.notify import notify_staff
from lianxin.org.models import Role, RoleGrant

from .models import Review, ServiceRequest


def _staff(unit) -> list:
    return [
        g.person.user
        for g in RoleGrant.objects.filter(
            unit=unit, role__in=[Role.LEADER, Role.HANDLER]
        ).select_related("person__user")
    ]


def request_overdue(item) -> None:
    req = ServiceRequest.objects.filter(pk=int(item.object_id)).select_related("service").first()
    if req is None or req.status != ServiceRequest.Status.IN_PROGRESS:
        return
    notify_staff(
        _staff(req.service.unit),
        title=_("Promised time limit passed") + f" {req.code}",
        url=reverse("workbench:request_detail", args=[req.code]),
    )


def rectify_due(item) -> None:
    review = (
        Review.objects.filter(pk=int(item.object_id)).select_related("request__service").first()
    )
    if review is None or review.rectified_at:
        return
    notify_staff(
        _staff(review.request.service.unit),
        title=_("Rectification of a bad review is due") + f" {review.request.code}",
        url=reverse("workbench:request_detail", args=[review.request.code]),
    )


def register() -> None:
    clock.register("catalog.request", on_due=request_overdue)
    clock.register("catalog.rectify", on_due=rectify_due)

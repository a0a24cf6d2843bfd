"""The mediator is reminded on the follow-up day to check the agreement is kept."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from lianxin.core import clock
from lianxin.core.notify import notify_staff

from .models import Dispute


def follow_up_due(item) -> None:
    dispute = (
        Dispute.objects.filter(pk=int(item.object_id)).select_related("mediator__user").first()
    )
    if dispute is None or dispute.followed_up_at:
        return
    notify_staff(
        [dispute.mediator.user],
        title=_("Check that the agreement is kept: %(s)s") % {"s": dispute.subject},
        url=reverse("workbench:dispute_detail", args=[dispute.pk]),
    )


def register() -> None:
    clock.register("mediation.followup", on_due=follow_up_due)

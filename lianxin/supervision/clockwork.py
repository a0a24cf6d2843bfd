"""What the clock does for rectifications and supervision orders: at the deadline the
people responsible and the unit's leaders are reminded; a few working days later the
leaders above the unit (up to the organ) and the issuer hear of it."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lianxin.cases.models import Status
from lianxin.core import clock

from . import notices
from .models import Order, Rectification


def _rectification(item) -> Rectification | None:
    row = (
        Rectification.objects.select_related(
            "case__lead_unit", "case__issuer__user", "person__user", "leader__user"
        )
        .filter(pk=int(item.object_id))
        .first()
    )
    if row is None or row.signed_off_at or row.case.status != Status.IN_PROGRESS:
        return None
    return row


def rectification_overdue(item) -> None:
    row = _rectification(item)
    if row is None:
        return
    users = [row.person.user, row.leader.user, *notices.leaders_of([row.case.lead_unit_id])]
    notices.tell(users, row.case, _("Rectification overdue"))


def rectification_escalate(item) -> None:
    row = _rectification(item)
    if row is None:
        return
    lead, issuer = row.case.lead_unit, row.case.issuer
    users = notices.leaders_of(lead.ancestor_ids if lead is not None else [row.case.root_id])
    if issuer is not None:
        users.append(issuer.user)
    notices.tell(users, row.case, _("Rectification long overdue"))


def _order(item) -> Order | None:
    order = (
        Order.objects.select_related("case__lead_unit", "case__root", "issued_by__user")
        .filter(pk=int(item.object_id))
        .first()
    )
    if order is None or order.feedback_at or order.lifted_at:
        return None
    return order


def order_overdue(item) -> None:
    order = _order(item)
    if order is None or order.case.lead_unit_id is None:
        return
    notices.tell(
        notices.leaders_of([order.case.lead_unit_id]) + [order.issued_by.user],
        order.case,
        _("Supervision feedback overdue"),
        notices.order_url(order.case),
    )


def order_escalate(item) -> None:
    order = _order(item)
    if order is None:
        return
    notices.tell(
        notices.leaders_of([order.case.root_id]),
        order.case,
        _("Supervision feedback long overdue"),
        notices.order_url(order.case),
    )


def register() -> None:
    clock.register(
        "rectification.due", on_due=rectification_overdue, on_escalate=rectification_escalate
    )
    clock.register("supervision.order", on_due=order_overdue, on_escalate=order_escalate)

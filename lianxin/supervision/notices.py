"""Who hears of rectifications and supervision orders (through core.notify)."""

from __future__ import annotations

from django.urls import reverse

from lianxin.cases.models import Case
from lianxin.core.notify import notify_staff
from lianxin.org.models import Role, RoleGrant


def problem_url(case: Case) -> str:
    return reverse("workbench:problem_ledger_detail", args=[case.code])


def tell(users, case: Case, title: str, url: str = "") -> None:
    notify_staff(
        [u for u in users if u is not None],
        title=f"{title} {case.code}",
        body=case.title,
        url=url or problem_url(case),
    )


def leaders_of(unit_ids) -> list:
    return [
        g.person.user
        for g in RoleGrant.objects.filter(
            role=Role.LEADER, unit_id__in=list(unit_ids), person__is_active=True
        ).select_related("person__user")
    ]


def order_url(case: Case) -> str:
    return reverse("workbench:case_orders", args=[case.code])

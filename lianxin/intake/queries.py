"""Reads of the intake channels: bulk imports for the workbench, Open311's jurisdictions,
services and requests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import QuerySet

from lianxin.cases.models import Case, Category, Channel
from lianxin.org.models import Unit

from .models import CategoryQuestion, ChannelMessage, ImportBatch, Open311Client, WechatAccount

BATCHES_SHOWN = 30


def import_batches(root: Unit) -> QuerySet[ImportBatch]:
    """The organisation's latest imports, newest first."""
    return ImportBatch.objects.filter(root=root)[:BATCHES_SHOWN]


def import_batch(root: Unit, pk: int) -> ImportBatch | None:
    return ImportBatch.objects.filter(pk=pk, root=root).first()


def jurisdiction(code: str = "", *, default: str = "") -> Unit | None:
    """The active organisation an Open311 call names by its code; without a code the one
    named `default` (the portal's), else the first made."""
    roots = Unit.objects.filter(parent__isnull=True, is_active=True)
    if code:
        return roots.filter(code=code).first()
    return (roots.filter(code=default).first() if default else None) or roots.order_by("pk").first()


def open311_services(root: Unit) -> QuerySet[Category]:
    """The organisation's active categories with their questions (Open311 services)."""
    return Category.objects.filter(root=root, is_active=True).prefetch_related("questions")


def open311_service(root: Unit, pk: int) -> Category | None:
    return open311_services(root).filter(pk=pk).first()


@dataclass(frozen=True)
class RequestFilter:
    """An Open311 GET of requests: by ids, or by service codes, time range and status."""

    ids: list[str] = field(default_factory=list)
    codes: list[int] = field(default_factory=list)
    start: datetime | None = None
    end: datetime | None = None
    status: str = ""  # "open", "closed" or "" for both


def open311_requests(
    readable: QuerySet[Case], f: RequestFilter, *, offset: int, limit: int, open_statuses
) -> list[Case]:
    """One page of the requests matching the filter, newest first."""
    qs = readable
    if f.ids:
        qs = qs.filter(code__in=f.ids)
    else:
        if f.codes:
            qs = qs.filter(category_id__in=f.codes)
        qs = qs.filter(received_at__gte=f.start, received_at__lte=f.end)
        if f.status == "open":
            qs = qs.filter(status__in=open_statuses)
        elif f.status == "closed":
            qs = qs.exclude(status__in=open_statuses)
    return list(qs.order_by("-received_at")[offset : offset + limit])


def open311_request(readable: QuerySet[Case], code: str) -> Case | None:
    return readable.filter(code=code).first()


def open311_token(root: Unit, code: str) -> Case | None:
    """A request posted through Open311 by its token (its code)."""
    return Case.objects.filter(root=root, code=code, channel=Channel.OPEN311).first()


def open311_locations(cases: list[Case], client: Open311Client | None) -> dict[int, dict]:
    """Coordinates and media of the requests this client posted (nobody else's)."""
    if client is None:
        return {}
    return {
        m.case_id: m.data
        for m in ChannelMessage.objects.filter(case__in=[c.pk for c in cases], channel="open311")
        if m.data.get("client") == client.pk
    }


def questions_of(category: Category) -> list[CategoryQuestion]:
    """A service's questions (prefetched by `open311_services`)."""
    return list(category.questions.all())


def wechat_account(slug: str) -> WechatAccount | None:
    """The active WeChat account of this callback address, with its category."""
    accounts = WechatAccount.objects.filter(slug=slug, is_active=True)
    return accounts.select_related("category").first()


def wechat_case(code: str, openid: str) -> Case | None:
    """The case of this code if this WeChat user raised it (he asks by code only)."""
    return Case.objects.filter(code=code, citizen_contact=f"wechat:{openid}").first()

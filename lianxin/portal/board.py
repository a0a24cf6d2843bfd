"""The public message board and its notice of cases under the organ's supervision
(督办公示)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from lianxin.cases import queries
from lianxin.cases.models import Case
from lianxin.cases.text import public_view
from lianxin.core import clock

NOTICE_ROWS = 20


@dataclass(frozen=True)
class NoticeRow:
    case: Case
    overdue_days: int  # whole days (Beijing dates) since the reply deadline passed; 0: not
    flag_due: datetime | None  # the deadline of a flagged supervision (挂牌督办)


def notice() -> list[NoticeRow]:
    """The notice's rows. A case is called overdue only when its deadline has really
    passed (and it is not waiting for the citizen)."""
    from lianxin.supervision.queries import flagged_orders

    at = clock.now()
    cases = list(queries.public_notice(at)[:NOTICE_ROWS])
    orders = flagged_orders([c.pk for c in cases])
    today = timezone.localdate(at)
    rows = []
    for case in cases:
        order = orders.get(case.pk)
        late = bool(case.reply_due and case.reply_due < at and case.paused_at is None)
        days = max(1, (today - timezone.localdate(case.reply_due)).days) if late else 0
        rows.append(NoticeRow(case, days, order.due_at if order else None))
    return rows


def board(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:50]
    page = Paginator(queries.board(q=q), 20).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/board.html",
        {
            "page": page,
            "rows": [(c, public_view(c)) for c in page],
            "q": q,
            "notice": notice(),
        },
    )


def board_case(request: HttpRequest, code: str) -> HttpResponse:
    case = queries.board_case(code)
    if case is None:
        raise Http404
    return render(
        request,
        "portal/board_case.html",
        {
            "case": case,
            "view": public_view(case),
            "events": queries.timeline(case, public_only=True),
        },
    )

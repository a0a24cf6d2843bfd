"""/api/v1/partywork/: the grid of monthly reports, plans and reports, receipts."""

from __future__ import annotations

from datetime import date, datetime

from django.http import Http404
from ninja import Router, Schema

from lianxin.org.access import home_root

from . import access, actions, months, queries
from .models import Guidance

router = Router(tags=["partywork"])


class CellOut(Schema):
    month: date
    report_state: str | None
    late: bool
    overdue: bool
    plan_agreed: bool | None


class RowOut(Schema):
    unit_id: int
    unit: str
    cells: list[CellOut]


class ItemOut(Schema):
    what: str
    who: str
    when: date
    done: bool


class PlanOut(Schema):
    unit: str
    month: date
    agreed: bool
    station_agreed_at: datetime | None
    office_agreed_at: datetime | None
    items: list[ItemOut]


class MonthlyReportOut(Schema):
    unit: str
    month: date
    state: str
    due_at: datetime
    submitted_at: datetime | None
    late: bool
    thinking: str
    activities: str
    problems: str
    next_steps: str


def _month(text: str) -> date:
    m = months.parse(text)
    if m is None:
        raise Http404
    return m


@router.get("/grid", response=list[RowOut], summary="Stations x months of reports and plans")
def grid(request, n_months: int = 6):
    root = home_root(request.user)
    if root is None:
        raise Http404
    units = list(access.visible_units(request.user, root))
    month_list = months.recent(queries.today(), max(1, min(n_months, 24)))
    return [
        {
            "unit_id": row["unit"].pk,
            "unit": row["unit"].name,
            "cells": [
                {
                    "month": c["month"],
                    "report_state": c["report"].state if c["report"] else None,
                    "late": bool(c["report"] and c["report"].late),
                    "overdue": c["overdue"],
                    "plan_agreed": c["plan"].agreed if c["plan"] else None,
                }
                for c in row["cells"]
            ],
        }
        for row in queries.grid(units, month_list)
    ]


@router.get("/units/{unit_id}/plans/{month}", response=PlanOut)
def plan(request, unit_id: int, month: str):
    unit = access.access_unit(request.user, unit_id)
    p = queries.plan_of(unit, _month(month))
    if p is None:
        raise Http404
    return {
        "unit": unit.name,
        "month": p.month,
        "agreed": p.agreed,
        "station_agreed_at": p.station_agreed_at,
        "office_agreed_at": p.office_agreed_at,
        "items": [
            {"what": i.what, "who": i.who, "when": i.when, "done": bool(i.done_at)}
            for i in p.items.all()
        ],
    }


@router.get("/units/{unit_id}/reports/{month}", response=MonthlyReportOut)
def report(request, unit_id: int, month: str):
    unit = access.access_unit(request.user, unit_id)
    r = queries.report_of(unit, _month(month))
    if r is None:
        raise Http404
    return {
        "unit": unit.name,
        **{k: getattr(r, k) for k in MonthlyReportOut.model_fields if k != "unit"},
    }


@router.post("/guidance/{pk}/receipts/{unit_id}", summary="Confirm receipt of guidance")
def confirm(request, pk: int, unit_id: int):
    guidance = Guidance.objects.filter(pk=pk).first()
    unit = access.access_unit(request.user, unit_id) if guidance else None
    if guidance is None or not guidance.receipts.filter(unit=unit).exists():
        raise Http404
    receipt = actions.receipt_confirm(guidance=guidance, unit=unit, actor=request.user)
    return {"confirmed_at": receipt.confirmed_at.isoformat()}

"""/api/v1/partywork/: the grid of monthly reports; a station's monthly plan (drafted by its
party secretary, agreed by him and the party-building office, items marked done) and monthly
report (saved, submitted, accepted or sent back by the office); receipts of guidance. Study
sessions and guidance: `study_api.py`, included here.

Those with a role on a unit (or above it) and the office read; anyone else 404. Each step
calls the same action as the page; a refusal by the action answers 400.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from django.http import Http404
from ninja import Path, Router, Schema, Status
from pydantic import StringConstraints

from lianxin.core.actor import Actor
from lianxin.core.params import Id
from lianxin.org.access import home_root_or_404

from . import access, actions, months, queries
from .models import MonthlyPlan, PlanItem
from .study_api import router as study_router

router = Router(tags=["partywork"])
router.add_router("", study_router)

# A month in the path, YYYY-MM; any other text: 404, as for a month with no record.
Month = Annotated[str, Path(description="The month, YYYY-MM", examples=["2026-12"])]


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
    id: int
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
    comment: str
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
    comment: str


def _month(text: str) -> date:
    m = months.parse(text)
    if m is None:
        raise Http404
    return m


@router.get("/grid", response=list[RowOut], summary="Stations x months of reports and plans")
def grid(request, n_months: int = 6):
    root = home_root_or_404(request.user)
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


def _plan(request, unit_id, month) -> MonthlyPlan:
    unit = access.access_unit(request.user, unit_id)
    p = queries.plan_of(unit, _month(month))
    if p is None:
        raise Http404
    return p


def _plan_out(p: MonthlyPlan) -> dict:
    return {
        "unit": p.unit.name,
        "month": p.month,
        "agreed": p.agreed,
        "station_agreed_at": p.station_agreed_at,
        "office_agreed_at": p.office_agreed_at,
        "comment": p.comment,
        "items": [
            {"id": i.pk, "what": i.what, "who": i.who, "when": i.when, "done": bool(i.done_at)}
            for i in queries.plan_items(p)
        ],
    }


@router.get("/units/{unit_id}/plans/{month}", response=PlanOut, summary="A monthly plan")
def plan(request, unit_id: Id, month: Month):
    return _plan_out(_plan(request, unit_id, month))


def _report_out(unit, r) -> dict:
    return {
        "unit": unit.name,
        **{k: getattr(r, k) for k in MonthlyReportOut.model_fields if k != "unit"},
    }


@router.get(
    "/units/{unit_id}/reports/{month}", response=MonthlyReportOut, summary="A monthly report"
)
def report(request, unit_id: Id, month: Month):
    unit = access.access_unit(request.user, unit_id)
    r = queries.report_of(unit, _month(month))
    if r is None:
        raise Http404
    return _report_out(unit, r)


class ReceiptConfirmed(Schema):
    confirmed_at: str


@router.post(
    "/guidance/{pk}/receipts/{unit_id}",
    response=ReceiptConfirmed,
    summary="Confirm receipt of guidance (the station's party secretary)",
)
def confirm(request, pk: Id, unit_id: Id):
    guidance, unit = access.access_receipt(request.user, pk, unit_id)
    receipt = actions.receipt_confirm(guidance=guidance, unit=unit, actor=Actor.user(request.user))
    return {"confirmed_at": receipt.confirmed_at.isoformat()}


# ------------------------------------------------------------------ plan steps

Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]


class ItemIn(Schema):
    what: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    who: Annotated[str, StringConstraints(min_length=1, max_length=50)]
    when: date

    model_config = {
        "json_schema_extra": {
            "example": {
                "what": "主题党日：参观廉政教育基地",
                "who": "全体党员",
                "when": "2026-12-15",
            }
        }
    }


class CommentIn(Schema):
    comment: Text

    model_config = {"json_schema_extra": {"example": {"comment": "请补充理论学习的具体篇目。"}}}


@router.post(
    "/units/{unit_id}/plans/{month}",
    response={201: PlanOut},
    summary="Start the monthly plan (the station's party secretary)",
    description="For this month or the next; once per unit and month.",
)
def create_plan(request, unit_id: Id, month: Month):
    unit = access.access_unit(request.user, unit_id)
    actions.plan_create(unit=unit, month=_month(month), actor=Actor.user(request.user))
    return Status(201, _plan_out(_plan(request, unit_id, month)))


@router.post(
    "/units/{unit_id}/plans/{month}/items",
    response={201: PlanOut},
    summary="Add an item to the plan (the station's party secretary)",
    description="The date must fall in the plan's month; a changed plan must be agreed again.",
)
def add_item(request, unit_id: Id, month: Month, payload: ItemIn):
    p = _plan(request, unit_id, month)
    actions.plan_item_add(plan=p, actor=Actor.user(request.user), **payload.dict())
    return Status(201, _plan_out(_plan(request, unit_id, month)))


def _item(request, unit_id, month, item_id) -> PlanItem:
    item = queries.plan_item(_plan(request, unit_id, month), item_id)
    if item is None:
        raise Http404
    return item


@router.delete(
    "/units/{unit_id}/plans/{month}/items/{item_id}",
    response=PlanOut,
    summary="Remove an item (the station's party secretary)",
)
def remove_item(request, unit_id: Id, month: Month, item_id: Id):
    item = _item(request, unit_id, month, item_id)
    actions.plan_item_remove(item=item, actor=Actor.user(request.user))
    return _plan_out(_plan(request, unit_id, month))


@router.post(
    "/units/{unit_id}/plans/{month}/items/{item_id}/done",
    response=PlanOut,
    summary="Mark an item done, or not done again (the station's party secretary)",
    description="Once the plan is agreed by both sides.",
)
def toggle_item(request, unit_id: Id, month: Month, item_id: Id):
    item = _item(request, unit_id, month, item_id)
    actions.plan_item_done(item=item, actor=Actor.user(request.user))
    return _plan_out(_plan(request, unit_id, month))


@router.post(
    "/units/{unit_id}/plans/{month}/agree",
    response=PlanOut,
    summary="Agree to the plan (the station's secretary, then the party-building office)",
)
def agree(request, unit_id: Id, month: Month):
    actions.plan_agree(plan=_plan(request, unit_id, month), actor=Actor.user(request.user))
    return _plan_out(_plan(request, unit_id, month))


@router.post(
    "/units/{unit_id}/plans/{month}/comments",
    response=PlanOut,
    summary="Comment on the plan (the party-building office)",
    description="The office's agreement is withdrawn until it agrees again.",
)
def comment_plan(request, unit_id: Id, month: Month, payload: CommentIn):
    p = _plan(request, unit_id, month)
    actions.plan_comment(plan=p, comment=payload.comment, actor=Actor.user(request.user))
    return _plan_out(_plan(request, unit_id, month))


# ------------------------------------------------------------------ report steps

Part = Annotated[str, StringConstraints(max_length=2000)]


class ReportIn(Schema):
    thinking: Part = ""
    activities: Part = ""
    problems: Part = ""
    next_steps: Part = ""
    submit: bool = False

    model_config = {
        "json_schema_extra": {
            "example": {
                "thinking": "职工思想稳定，冬季养护任务重，个别职工有畏难情绪。",
                "activities": "开展主题党日一次，学习党章第一章。",
                "problems": "夜间值守人手紧张，学习时间难以保证。",
                "next_steps": "调整值班安排，下月组织一次集中学习。",
                "submit": True,
            }
        }
    }


class MonthlyReviewIn(Schema):
    accept: bool
    comment: Annotated[str, StringConstraints(max_length=2000)] = ""

    model_config = {
        "json_schema_extra": {"example": {"accept": False, "comment": "问题部分过于简单，请补充。"}}
    }


@router.put(
    "/units/{unit_id}/reports/{month}",
    response=MonthlyReportOut,
    summary="Write the monthly report, and submit it (the station's party secretary)",
    description="Saved as a draft; with `submit` it goes to the party-building office (every "
    "part needs a few sentences). A submitted report changes only once sent back.",
)
def save_report(request, unit_id: Id, month: Month, payload: ReportIn):
    unit = access.access_unit(request.user, unit_id)
    d = payload.dict()
    submit = d.pop("submit")
    actor = Actor.user(request.user)
    saved = actions.report_save(unit=unit, month=_month(month), actor=actor, **d)
    if submit:
        saved = actions.report_submit(report=saved, actor=actor)
    return _report_out(unit, saved)


@router.post(
    "/units/{unit_id}/reports/{month}/review",
    response=MonthlyReportOut,
    summary="Accept a submitted report or send it back (the party-building office)",
    description="Sending back needs a comment.",
)
def review_report(request, unit_id: Id, month: Month, payload: MonthlyReviewIn):
    unit = access.access_unit(request.user, unit_id)
    r = queries.report_of(unit, _month(month))
    if r is None:
        raise Http404
    r = actions.report_review(
        report=r, accept=payload.accept, comment=payload.comment, actor=Actor.user(request.user)
    )
    return _report_out(unit, r)

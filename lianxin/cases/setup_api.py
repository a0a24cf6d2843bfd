"""/api/v1/register/: the organisation's categories and time limits.

Read by any staff member of the organisation; changed by its administrators (others 403),
through the same actions as the setup page. Someone of another organisation never reaches
a row of this one (404). A body that does not fit answers 422 with every field error.
"""

from __future__ import annotations

from typing import Annotated

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from pydantic import StringConstraints

from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError, InputErrors
from lianxin.org.access import home_root_or_404
from lianxin.org.queries import unit_under

from . import actions, queries
from .models import Kind
from .step_schemas import Id

router = Router(tags=["register setup"])

Limit = Annotated[int, Field(ge=1, le=365)]


class CategoryIn(Schema):
    name: Annotated[str, StringConstraints(min_length=1, max_length=50)]
    default_unit: Id | None = Field(None, description="The unit such cases usually go to")
    sort_order: int = Field(0, ge=0, le=10000)
    is_active: bool = True

    model_config = {"json_schema_extra": {"example": {"name": "路灯照明", "default_unit": 12}}}


class CategoryOut(Schema):
    id: int
    name: str
    default_unit: int | None
    default_unit_name: str | None
    sort_order: int
    is_active: bool


class TimeLimitIn(Schema):
    category: Id | None = Field(None, description="None: any category")
    kind: Kind | None = Field(None, description="None: any kind")
    urgent: bool = False
    accept_hours: Limit | None = None
    accept_workdays: Limit | None = None
    reply_hours: Limit | None = None
    reply_workdays: Limit | None = None

    model_config = {
        "json_schema_extra": {
            "example": {"category": 3, "kind": "complaint", "urgent": False, "reply_workdays": 10}
        }
    }


class TimeLimitOut(Schema):
    id: int
    category: int | None
    kind: str
    urgent: bool
    accept_hours: int | None
    accept_workdays: int | None
    reply_hours: int | None
    reply_workdays: int | None


def _root(request):
    return home_root_or_404(request.user)


def _category_out(c) -> dict:
    return {
        "id": c.pk,
        "name": c.name,
        "default_unit": c.default_unit_id,
        "default_unit_name": c.default_unit.name if c.default_unit_id else None,
        "sort_order": c.sort_order,
        "is_active": c.is_active,
    }


def _limit_out(t) -> dict:
    return {
        "id": t.pk,
        "category": t.category_id,
        "kind": t.kind,
        "urgent": t.urgent,
        "accept_hours": t.accept_hours,
        "accept_workdays": t.accept_workdays,
        "reply_hours": t.reply_hours,
        "reply_workdays": t.reply_workdays,
    }


def _choice_error(field: str) -> ApplicationError:
    return ApplicationError(
        _("Select a valid choice. That choice is not one of the available choices."),
        field=field,
        code="invalid_choice",
    )


@router.get("/categories", response=list[CategoryOut], summary="The organisation's categories")
def list_categories(request):
    return [_category_out(c) for c in queries.categories_of(_root(request))]


def _save_category(request, payload: CategoryIn, category=None):
    root = _root(request)
    d = payload.dict()
    if d["default_unit"] is not None:
        unit = unit_under(root, d["default_unit"])
        if unit is None:
            raise InputErrors([_choice_error("default_unit")])
        d["default_unit"] = unit
    return actions.category_save(root=root, category=category, actor=Actor.user(request.user), **d)


@router.post(
    "/categories",
    response={201: CategoryOut},
    summary="Add a category (administrators)",
)
def create_category(request, payload: CategoryIn):
    return Status(201, _category_out(_save_category(request, payload)))


@router.put("/categories/{pk}", response=CategoryOut, summary="Change a category (administrators)")
def update_category(request, pk: Id, payload: CategoryIn):
    category = queries.category_of(_root(request), pk)
    if category is None:
        raise Http404
    return _category_out(_save_category(request, payload, category))


@router.get("/time-limits", response=list[TimeLimitOut], summary="The organisation's own limits")
def list_time_limits(request):
    return [_limit_out(t) for t in queries.time_limits_of(_root(request))]


@router.post(
    "/time-limits",
    response={200: TimeLimitOut},
    summary="Set a time limit for a category, kind and urgency (administrators)",
)
def set_time_limit(request, payload: TimeLimitIn):
    root = _root(request)
    d = payload.dict()
    if d["category"] is not None:
        category = queries.category_of(root, d["category"])
        if category is None:
            raise InputErrors([_choice_error("category")])
        d["category"] = category
    d["kind"] = d["kind"] or ""
    limit = actions.time_limit_set(root=root, actor=Actor.user(request.user), **d)
    return _limit_out(limit)


@router.delete("/time-limits/{pk}", response={204: None}, summary="Remove a time limit")
def delete_time_limit(request, pk: Id):
    limit = queries.time_limit_of(_root(request), pk)
    if limit is None:
        raise Http404
    actions.time_limit_delete(limit=limit, actor=Actor.user(request.user))
    return Status(204, None)

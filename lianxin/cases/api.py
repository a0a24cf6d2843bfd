"""The cases API: create, read, list with filters, and every step.

Each step has its own endpoint, made from its declaration in steps.py (typed schema, example,
the same function as the page takes it): 422 lists every field error of the body at once, a
step the action refuses answers 400 with the field and message.
"""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from lianxin.core import files
from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError, InputErrors
from lianxin.core.params import Id, Offset
from lianxin.core.queries import by_pk
from lianxin.org.access import home_root
from lianxin.org.models import Unit
from lianxin.org.queries import unit_under

from . import access, actions, queries, steps
from .text import masked_contact

router = Router(tags=["cases"])
MAX_OFFSET = 10**9  # far beyond any register; the database's integers end at 2**63
MAX_ID = 2**63 - 1


class CaseIn(Schema):
    kind: str
    channel: str
    category: Id
    content: str
    title: str = ""
    place: str = ""
    citizen_name: str = ""
    citizen_phone: str = ""
    citizen_email: str = ""
    is_public: bool = False
    urgent: bool = False
    submit_token: str | None = Field(
        None,
        max_length=100,
        description=(
            "An idempotency key of the caller: the same key twice from the same login and "
            "channel gives the one case (with a new secret that replaces the first)."
        ),
    )


class CaseCreated(Schema):
    code: str
    secret: str
    status: str


class FileOut(Schema):
    name: str
    content_type: str
    size: int
    url: str


class EventOut(Schema):
    seq: int
    at: datetime
    action: str
    actor: str
    public: bool
    note: str
    data: dict
    files: list[FileOut]


class CaseOut(Schema):
    code: str
    version: int
    kind: str
    channel: str
    category: str
    title: str
    content: str
    place: str
    status: str
    urgent: bool
    received_at: datetime
    lead_unit: str | None
    handler: str | None
    accept_due: datetime | None
    reply_due: datetime | None
    replied_at: datetime | None
    reply: str
    rating: int | None
    solved: bool | None
    supervision: int
    citizen_name: str
    citizen_phone: str


class CaseDetail(CaseOut):
    allowed_steps: list[str]
    events: list[EventOut]


class CaseList(Schema):
    count: int = Field(
        description="How many cases match, counted up to 1000 (a larger register is not "
        "counted row by row): with count_capped, more than 1000."
    )
    count_capped: bool = False
    items: list[CaseOut]
    next: str | None = Field(
        None, description="Give it as `after` for the next page; null on the last page."
    )


class ListFilters(Schema):
    tab: str = "all"
    status: str = ""
    overdue: bool = False
    unit: Id | None = None
    channel: str = ""
    category: Id | None = None
    kind: str = ""
    since: date | None = None
    until: date | None = None
    q: str = ""
    limit: int = Field(50, ge=1, le=200)
    after: str = Field("", max_length=500, description="The `next` of the previous page.")
    offset: Offset = Field(0, description="Rows to skip (slow on a large register: use after).")


def _root(request) -> Unit:
    # the root unit TokenAuth read with the token (api.auth), else the user's own
    root = getattr(request, "lianxin_root", None) or home_root(request.user)
    if root is None:
        raise PermissionDenied
    return root


def _out(case) -> dict:
    contact = masked_contact(case)
    return {
        "code": case.code,
        "version": case.version,
        "kind": case.kind,
        "channel": case.channel,
        "category": case.category.name,
        "title": case.title,
        "content": case.content,
        "place": case.place,
        "status": case.status,
        "urgent": case.urgent,
        "received_at": case.received_at,
        "lead_unit": case.lead_unit.name if case.lead_unit_id else None,
        "handler": case.handler.name if case.handler_id else None,
        "accept_due": case.accept_due,
        "reply_due": case.reply_due,
        "replied_at": case.replied_at,
        "reply": case.reply,
        "rating": case.rating,
        "solved": case.solved,
        "supervision": case.supervision,
        "citizen_name": contact["name"],
        "citizen_phone": contact["phone"],
    }


@router.post("/", response={201: CaseCreated}, summary="Register a case")
def create_case(request, payload: CaseIn):
    root = _root(request)
    if not access.may_enter(request.user, root):  # the rule of fast entry's page
        raise PermissionDenied
    case, secret = actions.case_receive(root=root, actor=request.user, **payload.dict())
    return Status(201, {"code": case.code, "secret": secret, "status": case.status})


@router.get("/", response=CaseList, summary="List cases with filters")
def list_cases(request, filters: Query[ListFilters]):
    root = _root(request)
    fields = filters.dict(exclude={"limit", "offset", "after", "unit"})
    unit = None
    if filters.unit is not None:
        unit = unit_under(root, filters.unit)
        if unit is None:  # never "every case" for a unit that is not there
            raise ApplicationError(_("Choose a unit of this organisation."), field="unit")
    f = queries.CaseFilter(**fields, unit=unit)
    if filters.offset:
        rows, count = queries.case_slice(
            request.user, root, f, offset=filters.offset, limit=filters.limit
        )
        following = None
    else:  # by keyset: page N costs what page 1 costs
        page = queries.case_page(request.user, root, f, after=filters.after, size=filters.limit)
        rows, count = page.rows, queries.case_count(request.user, root, f)
        following = page.next_cursor or None
    return {
        "count": min(count, queries.COUNT_CAP),
        "count_capped": count > queries.COUNT_CAP,
        "items": [_out(c) for c in rows],
        "next": following,
    }


def _detail(request, case, roles) -> dict:
    out = _out(case)
    out["allowed_steps"] = [step.name for step in steps.offered(case, roles, on="api")]
    out["events"] = [
        {
            "seq": e.seq,
            "at": e.at,
            "action": e.action,
            "actor": e.actor_label,
            "public": e.public,
            "note": e.note,
            "data": e.data,
            "files": [
                {
                    "name": f.name,
                    "content_type": f.content_type,
                    "size": f.size,
                    "url": f"/api/v1/cases/{case.code}/files/{f.pk}",
                }
                for f in e.files
            ],
        }
        for e in queries.timeline(case)
    ]
    return out


@router.get("/{code}", response=CaseDetail, summary="One case with its timeline")
def get_case(request, code: str):
    case, roles = access.access_case(request.user, code)
    return _detail(request, case, roles)


@router.get("/{code}/files/{pk}", summary="A photo or PDF of the case (its own content type)")
def get_file(request, code: str, pk: int):
    case, _roles = access.access_case(request.user, code)
    a = queries.attachment_of(case, pk)
    return files.response(sha256=a.sha256, content_type=a.content_type, name=a.name)


class ContactOut(Schema):
    name: str
    phone: str
    email: str


@router.post("/{code}/contact", response=ContactOut, summary="The citizen's full contact")
def get_contact(request, code: str):
    """For the operator, the dispatcher and the assigned handler; each call is recorded."""
    case, roles = access.access_case(request.user, code)
    if not access.sees_contact(request.user, case, roles):
        raise PermissionDenied
    return actions.case_contact_view(case=case, actor=request.user)


class FieldError(Schema):
    field: str | None
    code: str
    message: str


class Errors(Schema):
    detail: list[FieldError]


def _resolve(step: steps.Step, case, payload) -> dict:
    """The payload with the ids of units and people turned into the case organisation's
    objects (the step's `choices`, as the page's form limits them); every unknown id is
    reported at once."""
    d = payload.dict()
    errors = []
    for name, choices in step.choices.items():
        value = d.get(name)
        if value is None or value == []:
            continue
        wanted = value if isinstance(value, list) else [value]
        found = by_pk(choices(case), wanted)
        if any(pk not in found for pk in wanted):
            errors.append(
                ApplicationError(
                    _("Select a valid choice. That choice is not one of the available choices."),
                    field=name,
                    code="invalid_choice",
                )
            )
            continue
        d[name] = [found[pk] for pk in wanted] if isinstance(value, list) else found[value]
    if errors:
        raise InputErrors(errors)
    return d


STEP_DOC = """Send the `version` you read: if the case changed meanwhile, the step is refused
(400, code `stale`) and you should read the case again. 422: the body does not fit (every
field error is listed); 400: the step was refused (wrong state, a rule of the action);
403: your roles on the case may never take this step; 404: you do not see the case."""


def _step_route(step: steps.Step) -> None:
    def take(request, code: str, payload):
        case, _roles = access.access_case(request.user, code)
        step.take(case, _resolve(step, case, payload), Actor.user(request.user))
        case, roles = access.access_case(request.user, code)
        return _detail(request, case, roles)

    take.__annotations__ = {"code": str, "payload": step.schema}
    take.__name__ = take.__qualname__ = f"case_step_{step.name}"
    router.post(
        f"/{{code}}/steps/{step.name}",
        response={200: CaseDetail, 400: Errors, 422: Errors},
        summary=f"Case step: {step.name}",
        description=STEP_DOC,
        operation_id=f"case_step_{step.name}",
        openapi_extra={"requestBody": {"content": {"application/json": {"example": step.example}}}},
    )(take)


for _step in steps.STEPS_LIST:
    if _step.schema is not None:
        _step_route(_step)

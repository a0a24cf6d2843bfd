"""The cases API: create, read, list with filters, and every step.

Steps are validated by the same forms as the pages (`forms.step_form`) and taken by the
same function (`run.run_step`); a refused step answers 400 with the field and message.
"""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404, QueryDict
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from lianxin.api.auth import request_root
from lianxin.api.params import Id, Offset
from lianxin.core import files
from lianxin.core.errors import ApplicationError
from lianxin.org.access import home_root
from lianxin.org.models import Unit

from . import access, actions, forms, queries
from . import workflow as wf
from .run import run_step
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
    count: int
    items: list[CaseOut]


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
    offset: Offset = 0


def _root(request) -> Unit:
    root = request_root(request) or home_root(request.user)
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
    roles = {r for r, p in access.grants_of(request.user) if p.startswith(root.path)}
    if not (request.user.is_superuser or roles & {"operator", "dispatcher"}):
        raise PermissionDenied
    case, secret = actions.case_receive(root=root, actor=request.user, **payload.dict())
    return Status(201, {"code": case.code, "secret": secret, "status": case.status})


@router.get("/", response=CaseList, summary="List cases with filters")
def list_cases(request, filters: Query[ListFilters]):
    root = _root(request)
    fields = filters.dict(exclude={"limit", "offset", "unit"})
    unit = None
    if filters.unit is not None:
        unit = Unit.objects.filter(pk=filters.unit, path__startswith=root.path).first()
        if unit is None:  # never "every case" for a unit that is not there
            raise ApplicationError(_("Choose a unit of this organisation."), field="unit")
    f = queries.CaseFilter(**fields, unit=unit)
    qs = queries.case_list(request.user, root, f)
    rows = list(qs[filters.offset : filters.offset + filters.limit])
    return {"count": qs.count(), "items": [_out(c) for c in rows]}


def _detail(request, case, roles) -> dict:
    out = _out(case)
    out["allowed_steps"] = [
        "callback" if a in ("rate", "rate_unsatisfied") else a
        for a in wf.available(case, roles)
        if a in forms.STEP_FORMS or a in ("rate", "rate_unsatisfied")
    ]
    out["allowed_steps"] = list(dict.fromkeys(out["allowed_steps"]))
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


class StepIn(Schema):
    version: int
    unit: Id | None = None
    co_units: list[Id] = []
    handler: Id | None = None
    note: str = ""
    reason: str = ""
    question: str = ""
    reply: str = ""
    reusable: bool = False
    workdays: int | None = None
    approve: bool | None = None
    rating: int | None = None
    solved: bool | None = None
    comment: str = ""
    level: int | None = None
    original: str = ""


def _form_data(payload: StepIn) -> dict:
    data = {}
    for key, value in payload.dict().items():
        if value is None:
            continue
        if isinstance(value, bool) and key in ("approve", "solved"):
            value = "yes" if value else "no"
        elif isinstance(value, bool):
            if not value:
                continue
            value = "on"
        data[key] = value
    return data


@router.post("/{code}/steps/{name}", response=CaseDetail, summary="Take a step on a case")
def take_step(request, code: str, name: str, payload: StepIn):
    """`name` is one of the case's `allowed_steps`. Send the `version` you read: if the
    case changed meanwhile, the step is refused (code `stale`) and you should reload."""
    if name not in forms.STEP_FORMS:
        raise Http404
    case, roles = access.access_case(request.user, code)
    data = QueryDict(mutable=True)
    for key, value in _form_data(payload).items():
        if isinstance(value, list):
            data.setlist(key, [str(v) for v in value])
        else:
            data[key] = str(value)
    form = forms.step_form(name, case, data, prefixed=False)
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        raise ApplicationError(errors[0], field=None if field == "__all__" else field)
    run_step(name, case, form.cleaned_data, request.user)
    case, roles = access.access_case(request.user, code)
    return _detail(request, case, roles)

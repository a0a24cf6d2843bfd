"""/api/v1/rules/: regulations, their versions and clauses, and cadres' confirmations of
study (acknowledgements). Staff of the organisation read (drafts included) and confirm; its
administrators create, draft, change a draft, enforce and repeal, and read who has studied a
version; anyone else 404, as on the pages (rules/access.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import StringConstraints

from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError, InputErrors
from lianxin.core.params import Id
from lianxin.core.queries import by_pk
from lianxin.org.queries import units_under

from . import access, actions, queries
from .models import VersionStatus

router = Router(tags=["rules"])


class VersionOut(Schema):
    id: int
    number: int
    status: str
    document_no: str
    effective_date: date | None
    enforced_at: datetime | None


class RegulationOut(Schema):
    id: int
    code: str
    title: str
    repealed_at: datetime | None
    versions: list[VersionOut]


class ClauseOut(Schema):
    chapter: int
    chapter_title: str
    article: int
    paragraph: int
    text: str


class VersionDetail(VersionOut):
    regulation: str
    title: str
    issued_by: str
    applies_to: str
    clauses: list[ClauseOut]


class RegulationIn(Schema):
    code: Annotated[str, StringConstraints(min_length=2, max_length=40)]
    title: Annotated[str, StringConstraints(min_length=1, max_length=100)]

    model_config = {
        "json_schema_extra": {"example": {"code": "zuofeng-guiding", "title": "作风建设规定"}}
    }


class DraftIn(Schema):
    text: Annotated[str, StringConstraints(min_length=1, max_length=200_000)]
    issued_by: Id
    applies_to: Id
    document_no: Annotated[str, StringConstraints(max_length=60)] = ""
    effective_date: date | None = None

    model_config = {
        "json_schema_extra": {
            "example": {
                "text": "第一章 总则\n第一条 为加强作风建设，制定本规定。",
                "issued_by": 1,
                "applies_to": 1,
                "document_no": "青公发〔2026〕3号",
                "effective_date": "2026-12-01",
            }
        }
    }


class AckOut(Schema):
    version: int
    at: datetime


def _version_out(v) -> dict:
    return {
        "id": v.pk,
        "number": v.number,
        "status": v.status,
        "document_no": v.document_no,
        "effective_date": v.effective_date,
        "enforced_at": v.enforced_at,
    }


def _version_detail(v) -> dict:
    out = _version_out(v)
    out.update(
        regulation=v.regulation.code,
        title=v.regulation.title,
        issued_by=v.issued_by.name,
        applies_to=v.applies_to.name,
        clauses=[
            {
                "chapter": c.chapter,
                "chapter_title": c.chapter_title,
                "article": c.article,
                "paragraph": c.paragraph,
                "text": c.text,
            }
            for c in queries.clauses_of(v)
        ],
    )
    return out


def _regulation_out(r) -> dict:
    return {
        "id": r.pk,
        "code": r.code,
        "title": r.title,
        "repealed_at": r.repealed_at,
        "versions": [_version_out(v) for v in queries.versions_listed(r)],
    }


@router.get("/regulations", response=list[RegulationOut], summary="The organisation's rules")
def list_regulations(request):
    root = access.root_of(request.user)
    return [_regulation_out(r) for r in queries.regulations_of(root)]


@router.post("/regulations", response={201: RegulationOut}, summary="New regulation (admins)")
def create_regulation(request, payload: RegulationIn):
    root = access.root_of(request.user)
    regulation = actions.regulation_create(root=root, actor=request.user, **payload.dict())
    return Status(201, _regulation_out(regulation))


@router.get("/versions/{pk}", response=VersionDetail, summary="A version with its clauses")
def get_version(request, pk: Id):
    return _version_detail(access.access_version(request.user, pk))


@router.post(
    "/regulations/{pk}/versions", response={201: VersionDetail}, summary="Draft a new version"
)
def draft_version(request, pk: Id, payload: DraftIn):
    regulation = access.access_regulation(request.user, pk, manage=True)
    d = payload.dict()
    units = by_pk(units_under(regulation.root), [d["issued_by"], d["applies_to"]])
    missing = [f for f in ("issued_by", "applies_to") if d[f] not in units]
    if missing:
        raise InputErrors(
            [
                ApplicationError(
                    _("Select a valid choice. That choice is not one of the available choices."),
                    field=f,
                    code="invalid_choice",
                )
                for f in missing
            ]
        )
    d["issued_by"], d["applies_to"] = units[d["issued_by"]], units[d["applies_to"]]
    version = actions.version_draft(regulation=regulation, actor=request.user, **d)
    return Status(201, _version_detail(version))


@router.post("/versions/{pk}/enforce", response=VersionDetail, summary="Put a draft in force")
def enforce_version(request, pk: Id):
    version = access.access_version(request.user, pk, manage=True)
    actions.version_enforce(version=version, actor=request.user)
    return _version_detail(access.access_version(request.user, pk))


@router.post(
    "/versions/{pk}/acknowledge", response=AckOut, summary="Confirm having studied a version"
)
def acknowledge_version(request, pk: Id):
    version = access.access_version(request.user, pk)
    ack = actions.version_acknowledge(version=version, actor=request.user)
    return {"version": version.pk, "at": ack.created_at}


class DraftChangeIn(Schema):
    text: Annotated[str, StringConstraints(min_length=1, max_length=200_000)]
    document_no: Annotated[str, StringConstraints(max_length=60)] = ""
    effective_date: date | None = None

    model_config = {
        "json_schema_extra": {
            "example": {
                "text": "第一章 总则\n第一条 为加强作风建设，制定本规定。\n"
                "第二条 本规定适用于全体干部职工。",
                "document_no": "青公发〔2026〕3号",
                "effective_date": "2026-12-01",
            }
        }
    }


@router.put(
    "/versions/{pk}",
    response=VersionDetail,
    summary="Change a draft version (admins)",
    description="The whole text again (its chapters, articles and paragraphs are read from "
    "it); a version in force or repealed is never changed (400): draft a new one.",
)
def change_version(request, pk: Id, payload: DraftChangeIn):
    version = access.access_version(request.user, pk, manage=True)
    actions.version_update(version=version, actor=Actor.user(request.user), **payload.dict())
    return _version_detail(access.access_version(request.user, pk))


@router.post(
    "/regulations/{pk}/repeal",
    response=RegulationOut,
    summary="Repeal a regulation (admins)",
    description="Its version in force is repealed and the open requests to study it withdrawn.",
)
def repeal_regulation(request, pk: Id):
    regulation = access.access_regulation(request.user, pk, manage=True)
    actions.regulation_repeal(regulation=regulation, actor=Actor.user(request.user))
    return _regulation_out(queries.regulation_of(regulation.root, regulation.pk))


class PersonRef(Schema):
    id: int
    name: str


class UnitStudyOut(Schema):
    unit: str
    total: int
    done: int
    rate: int
    missing: list[PersonRef]


@router.get(
    "/versions/{pk}/acknowledgements",
    response=list[UnitStudyOut],
    summary="Who has confirmed studying a version, per unit (admins)",
    description="Per unit the version applies to: its cadres, how many confirmed, and who has "
    "not yet. A draft has none.",
)
def study(request, pk: Id):
    version = access.access_version(request.user, pk, manage=True)
    if version.status == VersionStatus.DRAFT:
        return []
    return [
        {
            "unit": str(getattr(row.unit, "name", "")),
            "total": row.total,
            "done": row.done,
            "rate": row.rate,
            "missing": [{"id": p.pk, "name": p.name} for p in row.missing],
        }
        for row in queries.study_by_unit(version)
    ]

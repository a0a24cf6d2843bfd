"""/api/v1/discipline/: for the inspectors (and whoever `access.py` routes a report to), every
step of a misconduct report the workbench page takes - accept (受理), name the person
reported, decide the disposition, conclude with findings and decision, send the feedback
and close - and messages to the reporter; penalties (recorded as on the penalties page,
without the decision document, which is uploaded on the page) and public notices (通报).
Everyone else gets 404, as on the pages. The reporter's identity is not in the API: reading
it is a recorded action on the report page.

The actions of this app still take the login itself (they store it on the report's events
and the penalty), so the API passes `request.user`, which `core.actor` accepts as a user.

Each step takes the report's `version` as last read: if the report changed since, the step
is refused (400, code `stale`); a step the report's state does not allow answers 400.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict, StringConstraints

from lianxin.core.params import BIGINT_MAX, Id, check_choices
from lianxin.org.access import home_root_or_404
from lianxin.org.queries import person_under

from . import access, actions, queries
from .models import Disposition, Measure, PenaltyKind, PublicNotice, WorkStyle

router = Router(tags=["discipline"])


class ReportOut(Schema):
    id: int
    number: str
    status: str
    received_at: datetime
    accept_due: datetime
    feedback_due: datetime | None
    unit: str
    person: str | None
    what: str
    disposition: str
    category: str
    anonymous: bool


class MessageOut(Schema):
    at: datetime
    from_reporter: bool
    text: str


class ReportDetail(ReportOut):
    findings: str
    decision: str
    feedback: str
    version: int
    messages: list[MessageOut]


def _example(body: dict) -> ConfigDict:
    return ConfigDict(json_schema_extra={"example": body})


class ReportStepIn(Schema):
    version: int = Field(
        ..., ge=0, le=BIGINT_MAX, description="The report's version as you last read it"
    )


class AcceptIn(ReportStepIn):
    accused: int | None = None
    keep_accused: bool = True

    model_config = _example({"version": 1, "keep_accused": True})


class PenaltyOut(Schema):
    id: int
    person: str
    unit: str
    kind: str
    measure: str
    category: str
    decided_on: date
    document_no: str


def _root(request):
    return home_root_or_404(request.user)


def _out(r) -> dict:
    return {
        "id": r.pk,
        "number": r.number,
        "status": r.status,
        "received_at": r.received_at,
        "accept_due": r.accept_due,
        "feedback_due": r.feedback_due,
        "unit": r.accused_unit.name,
        "person": r.accused_person.name if r.accused_person else None,
        "what": r.what,
        "disposition": r.disposition,
        "category": r.category,
        "anonymous": r.anonymous,
    }


@router.get("/reports", response=list[ReportOut], summary="Reports you may handle")
def list_reports(request):
    root = _root(request)
    return [_out(r) for r in queries.report_list(request.user, root)]


def _detail(r) -> dict:
    out = _out(r)
    out.update(
        findings=r.findings,
        decision=r.decision,
        feedback=r.feedback,
        version=r.version,
        messages=[
            {"at": m.at, "from_reporter": m.from_reporter, "text": m.text}
            for m in queries.report_messages(r)
        ],
    )
    return out


@router.get("/reports/{pk}", response=ReportDetail, summary="One report with its messages")
def get_report(request, pk: int):
    return _detail(access.access_report(request.user, pk))


@router.post("/reports/{pk}/accept", response=ReportOut, summary="Accept (受理) a report")
def accept_report(request, pk: int, body: AcceptIn):
    """Accept, confirming the person reported: `keep_accused` (the default) confirms the one
    picked or named; otherwise `accused` is a person's id, or null for the unit only."""
    r = access.access_report(request.user, pk)
    accused = actions.KEEP if body.keep_accused else body.accused
    return _out(
        actions.report_accept(report=r, actor=request.user, version=body.version, accused=accused)
    )


@router.get("/penalties", response=list[PenaltyOut], summary="Penalties (inspectors)")
def list_penalties(request):
    root = _root(request)
    access.require_inspector(request.user, root)
    return [_penalty_out(p) for p in queries.penalty_list(request.user, root)]


# ------------------------------------------------------------------ the steps of a report

Text = Annotated[str, StringConstraints(min_length=1, max_length=10000)]


class IdentifyIn(ReportStepIn):
    person: Id = Field(..., description="The person reported, of the organisation")

    model_config = _example({"version": 2, "person": 17})


class DisposeIn(ReportStepIn):
    disposition: Disposition
    category: WorkStyle = Field(..., description="The work-style category of the statistics")
    note: Annotated[str, StringConstraints(max_length=2000)] = ""

    model_config = _example(
        {"version": 3, "disposition": "verify", "category": WorkStyle.values[0], "note": ""}
    )


class ConcludeIn(ReportStepIn):
    findings: Text
    decision: Text

    model_config = _example(
        {
            "version": 4,
            "findings": "经核实，反映问题属实。",
            "decision": "对当事人进行诫勉谈话。",
        }
    )


class FeedbackIn(ReportStepIn):
    feedback: Annotated[str, StringConstraints(min_length=1, max_length=2000)]

    model_config = _example(
        {"version": 5, "feedback": "您反映的问题经核实属实，已对相关人员作出处理。"}
    )


class MessageIn(Schema):
    text: Annotated[str, StringConstraints(min_length=1, max_length=2000)]

    model_config = _example({"text": "请补充当时在场的其他群众的联系方式。"})


def _reread(request, pk) -> dict:
    """The report after a step; a step that routed it away (the person now named stands in
    conflict with the caller) answers 404 on the next read, as the page sends him away."""
    return _detail(access.access_report(request.user, pk))


@router.post(
    "/reports/{pk}/identify",
    response=ReportDetail,
    summary="Name the person reported",
    description="He and those around him are kept away from the report from now on; it may "
    "move to someone else to handle (then you no longer read it).",
)
def identify(request, pk: Id, payload: IdentifyIn):
    r = access.access_report(request.user, pk)
    person = person_under(r.root, payload.person)
    check_choices(person=person)
    assert person is not None  # check_choices refused it otherwise
    actions.report_identify(report=r, person=person, actor=request.user, version=payload.version)
    return _reread(request, pk)


@router.post(
    "/reports/{pk}/dispose",
    response=ReportDetail,
    summary="Decide the disposition (处置方式) of an accepted report",
)
def dispose(request, pk: Id, payload: DisposeIn):
    r = access.access_report(request.user, pk)
    actions.report_dispose(report=r, actor=request.user, **payload.dict())
    return _reread(request, pk)


@router.post(
    "/reports/{pk}/conclude",
    response=ReportDetail,
    summary="Record findings and decision (concluded)",
    description="The reporter is owed feedback within 15 working days.",
)
def conclude(request, pk: Id, payload: ConcludeIn):
    r = access.access_report(request.user, pk)
    actions.report_conclude(report=r, actor=request.user, **payload.dict())
    return _reread(request, pk)


@router.post(
    "/reports/{pk}/feedback",
    response=ReportDetail,
    summary="Send the feedback to the reporter and close",
)
def feedback(request, pk: Id, payload: FeedbackIn):
    r = access.access_report(request.user, pk)
    actions.report_feedback(report=r, actor=request.user, **payload.dict())
    return _reread(request, pk)


@router.post(
    "/reports/{pk}/messages",
    response={201: ReportDetail},
    summary="Write to the reporter",
    description="He reads it with his receipt; a named reporter is also told.",
)
def message(request, pk: Id, payload: MessageIn):
    r = access.access_report(request.user, pk)
    actions.inspector_message(report=r, text=payload.text, actor=request.user)
    return Status(201, _reread(request, pk))


# ------------------------------------------------------------------ penalties and notices


class PenaltyIn(Schema):
    person: Id
    kind: PenaltyKind
    measure: Measure
    category: WorkStyle
    decided_on: date
    ends_on: date | None = None
    document_no: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    reason: Annotated[str, StringConstraints(min_length=1, max_length=2000)]
    report: Annotated[str, StringConstraints(max_length=40)] = Field(
        "", description="The number of the report it follows, if any"
    )

    model_config = _example(
        {
            "person": 17,
            "kind": "handling",
            "measure": "admonition",
            "category": WorkStyle.values[0],
            "decided_on": "2026-11-20",
            "document_no": "纪检〔2026〕5号",
            "reason": "工作时间玩手机，群众咨询不理睬。",
        }
    )


class NoticeIn(Schema):
    penalty: Id = Field(..., description="A recorded penalty not yet published")
    title: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    position: Annotated[str, StringConstraints(min_length=1, max_length=50)]
    conduct: Annotated[str, StringConstraints(min_length=1, max_length=3000)]
    clause: Annotated[str, StringConstraints(max_length=300)] = Field(
        "", description="The clause broken, e.g. zuofeng/3/2"
    )

    model_config = _example(
        {
            "penalty": 4,
            "title": "关于甲站一名职工工作纪律问题的通报",
            "position": "收费员",
            "conduct": "上班时间玩手机，对群众咨询不予理睬。",
            "clause": "zuofeng/3/2",
        }
    )


class NoticeOut(Schema):
    id: int
    title: str
    unit_name: str
    position: str
    person_shown: str
    conduct: str
    penalty_text: str
    category: str
    published_at: datetime


def _penalty_out(p) -> dict:
    return {
        "id": p.pk,
        "person": p.person.name,
        "unit": p.unit.name,
        "kind": p.kind,
        "measure": p.measure,
        "category": p.category,
        "decided_on": p.decided_on,
        "document_no": p.document_no,
    }


def _notice_out(n: PublicNotice) -> dict:
    return {f: getattr(n, f) for f in NoticeOut.model_fields if f != "id"} | {"id": n.pk}


@router.post(
    "/penalties",
    response={201: PenaltyOut},
    summary="Record a penalty (inspectors)",
    description="Party discipline for party members only; the measure must belong to the kind. "
    "The decision document is uploaded on the penalties page.",
)
def record_penalty(request, payload: PenaltyIn):
    root = _root(request)
    access.require_inspector(request.user, root)
    d = payload.dict()
    person = person_under(root, d["person"])
    check_choices(person=person)
    d.update(person=person, report_number=d.pop("report"))
    penalty = actions.penalty_record(root=root, actor=request.user, **d)
    return Status(201, _penalty_out(penalty))


@router.get("/notices", response=list[NoticeOut], summary="Public notices (inspectors)")
def list_notices(request):
    root = _root(request)
    access.require_inspector(request.user, root)
    return [_notice_out(n) for n in queries.notices_of(root)]


@router.post(
    "/notices",
    response={201: NoticeOut},
    summary="Publish a notice (通报) of a recorded penalty (inspectors)",
    description="The name is shown as the office's policy allows (full, surname only, none).",
)
def publish_notice(request, payload: NoticeIn):
    root = _root(request)
    access.require_inspector(request.user, root)
    d = payload.dict()
    d["penalty"] = queries.unpublished_penalty(request.user, root, d["penalty"])
    check_choices(penalty=d["penalty"])
    notice = actions.notice_publish(root=root, actor=request.user, **d)
    return Status(201, _notice_out(notice))

"""/api/v1/discipline/: reports and penalties for those access.py lets see them (everyone
else gets 404, as on the pages). The reporter's identity is not in the API: reading it is
a recorded action on the report page."""

from __future__ import annotations

from datetime import date, datetime

from django.http import Http404
from ninja import Router, Schema

from lianxin.org.access import home_root

from . import access, actions

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
    messages: list[MessageOut]


class ReportStepIn(Schema):
    version: int


class AcceptIn(ReportStepIn):
    accused: int | None = None
    keep_accused: bool = True


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
    root = home_root(request.user)
    if root is None:
        raise Http404
    return root


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
    qs = access.visible_reports(request.user, root).select_related("accused_unit", "accused_person")
    return [_out(r) for r in qs]


@router.get("/reports/{pk}", response=ReportDetail, summary="One report with its messages")
def get_report(request, pk: int):
    r = access.access_report(request.user, pk)
    out = _out(r)
    out.update(
        findings=r.findings,
        decision=r.decision,
        messages=[
            {"at": m.at, "from_reporter": m.from_reporter, "text": m.text} for m in r.messages.all()
        ],
    )
    return out


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
    return [
        {
            "id": p.pk,
            "person": p.person.name,
            "unit": p.unit.name,
            "kind": p.kind,
            "measure": p.measure,
            "category": p.category,
            "decided_on": p.decided_on,
            "document_no": p.document_no,
        }
        for p in access.visible_penalties(request.user, root).select_related("person", "unit")
    ]

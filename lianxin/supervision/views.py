"""Workbench pages of inspections and the rectification ledger."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianxin.cases import workflow as wf
from lianxin.core import clock, files
from lianxin.core.forms import accept_files, run_action
from lianxin.core.views import staff_required
from lianxin.org import access as org_access
from lianxin.org.models import Unit

from . import access, actions, forms, queries


def _root(request) -> Unit:
    return org_access.home_root_or_404(request.user)


@staff_required
def inspections(request: HttpRequest) -> HttpResponse:
    root = _root(request)
    may_plan = access.plans_inspections(request.user, root)
    form = forms.InspectionForm(request.POST or None, root=root) if may_plan else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            d = form.cleaned_data
            inspection = run_action(
                form, lambda: actions.inspection_plan(root=root, actor=request.user, **d)
            )
            if inspection is not None:
                messages.success(request, _("Inspection planned."))
                return redirect("workbench:inspection_detail", inspection.pk)
    return render(
        request,
        "supervision/inspections.html",
        {"inspections": queries.inspections(request.user, root), "form": form},
        status=400 if form is not None and form.errors else 200,
    )


def _inspection_page(request, inspection, *, finding_form=None, finish_form=None, status=200):
    recorder = access.in_team(request.user, inspection) and inspection.finished_at is None
    finisher = inspection.finished_at is None and (
        recorder or access.plans_inspections(request.user, inspection.root)
    )
    return render(
        request,
        "supervision/inspection.html",
        {
            "inspection": inspection,
            "units": queries.inspected_units(inspection),
            "team": queries.inspection_team(inspection),
            "findings": queries.findings(inspection),
            "finding_form": finding_form
            or (forms.FindingForm(inspection=inspection) if recorder else None),
            "finish_form": finish_form or (forms.FinishForm() if finisher else None),
        },
        status=status,
    )


@staff_required
def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _inspection_page(request, access.access_inspection(request.user, pk))


@require_POST
@staff_required
def finding_new(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = access.access_inspection(request.user, pk)
    form = forms.FindingForm(request.POST, request.FILES, inspection=inspection)
    if form.is_valid():
        d = form.cleaned_data
        finding = run_action(
            form,
            lambda: actions.finding_record(
                inspection=inspection,
                unit=d["unit"],
                text=d["text"],
                place=d["place"],
                category=d["category"],
                files=accept_files(d["files"]),
                actor=request.user,
            ),
        )
        if finding is not None:
            messages.success(
                request,
                _("Finding recorded: problem %(code)s for %(unit)s.")
                % {"code": finding.case.code, "unit": finding.unit.name},
            )
            return redirect("workbench:inspection_detail", inspection.pk)
    return _inspection_page(request, inspection, finding_form=form, status=400)


@require_POST
@staff_required
def inspection_finish(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = access.access_inspection(request.user, pk)
    form = forms.FinishForm(request.POST)
    if form.is_valid():
        done = run_action(
            form,
            lambda: actions.inspection_finish(
                inspection=inspection, summary=form.cleaned_data["summary"], actor=request.user
            ),
        )
        if done is not None:
            messages.success(request, _("Inspection finished; the bulletin can be printed."))
            return redirect("workbench:inspection_report", inspection.pk)
    return _inspection_page(request, inspection, finish_form=form, status=400)


@staff_required
def inspection_report(request: HttpRequest, pk: int) -> HttpResponse:
    """督查通报: the printable bulletin of a finished inspection."""
    inspection = access.access_inspection(request.user, pk)
    if inspection.finished_at is None:
        raise Http404
    findings = queries.findings(inspection)
    by_unit: dict[str, list] = {}
    for f in findings:
        by_unit.setdefault(f.unit.name, []).append(f)
    return render(
        request,
        "supervision/report.html",
        {
            "inspection": inspection,
            "units": queries.inspected_units(inspection),
            "team": queries.inspection_team(inspection),
            "by_unit": by_unit,
            "count": len(findings),
        },
    )


# ---------------------------------------------------------------- the ledger


@staff_required
def ledger(request: HttpRequest) -> HttpResponse:
    root = _root(request)
    unit = queries.unit_in(root, request.GET.get("unit", ""))
    state = request.GET.get("state", "")
    if state not in dict(forms.LEDGER_STATES):
        state = ""
    rows = queries.ledger_rows(request.user, root, unit=unit, state=state)
    return render(
        request,
        "supervision/ledger.html",
        {
            "rows": rows,
            "unit": unit,
            "state": state,
            "states": forms.LEDGER_STATES,
            "units": queries.units_of(root),
        },
    )


def _problem_page(request, case, roles, *, bound=None, status=200):
    row = queries.rectification_detail(case)
    person = org_access.person_of(request.user)
    forms_shown = {}
    if wf.UNIT_LEADER in roles and case.status in (wf.D, wf.P) and not (row and row.signed_off_at):
        initial = {}
        if row:
            initial = {"leader": row.leader, "person": row.person, "measures": row.measures}
        forms_shown["plan"] = forms.PlanForm(unit=case.lead_unit, initial=initial)
    reporter = row and (
        roles & {wf.HANDLER, wf.UNIT_LEADER}
        or (person and person.pk in (row.person_id, row.leader_id))
    )
    if row and reporter and case.status == wf.P:
        forms_shown["report"] = forms.ReportForm()
    if row and wf.ISSUER in roles and case.status == wf.Y:
        forms_shown["sign_off"] = forms.SignOffForm()
        forms_shown["reject"] = forms.RejectForm()
    if bound is not None:
        forms_shown[bound[0]] = bound[1]
    return render(
        request,
        "supervision/problem.html",
        {
            "case": case,
            "row": row,
            "read_only": roles == frozenset({wf.VIEWER}),
            "step_forms": forms_shown,
            "overdue": bool(
                row and case.status == wf.P and not row.signed_off_at and row.due_at < clock.now()
            ),
        },
        status=status,
    )


@staff_required
def problem_detail(request: HttpRequest, code: str) -> HttpResponse:
    case, roles = access.access_problem(request.user, code)
    return _problem_page(request, case, roles)


STEP_FORMS = {
    "plan": forms.PlanForm,
    "report": forms.ReportForm,
    "sign_off": forms.SignOffForm,
    "reject": forms.RejectForm,
}


@require_POST
@staff_required
def problem_step(request: HttpRequest, code: str, name: str) -> HttpResponse:
    case, roles = access.access_problem(request.user, code)
    if name not in STEP_FORMS:
        raise Http404
    if name == "plan":
        form = forms.PlanForm(request.POST, unit=case.lead_unit) if case.lead_unit_id else None
        if form is None:
            raise PermissionDenied
    else:
        form = STEP_FORMS[name](request.POST, request.FILES)
    row = queries.rectification_of(case)
    if name != "plan" and row is None:
        raise Http404
    if form.is_valid():
        d = form.cleaned_data
        calls = {
            "plan": lambda: actions.rectification_plan(case=case, actor=request.user, **d),
            "report": lambda: actions.rectification_report(
                rectification=row,
                text=d["text"],
                final=d["final"],
                files=accept_files(d["files"]),
                actor=request.user,
            ),
            "sign_off": lambda: actions.rectification_sign_off(
                rectification=row, note=d["note"], actor=request.user
            ),
            "reject": lambda: actions.rectification_reject(
                rectification=row, reason=d["reason"], actor=request.user
            ),
        }
        if run_action(form, calls[name]) is not None:
            messages.success(request, _("Done."))
            return redirect("workbench:problem_ledger_detail", case.code)
    case, roles = access.access_problem(request.user, code)
    return _problem_page(request, case, roles, bound=(name, form), status=400)


@staff_required
def evidence_file(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    case, _roles = access.access_problem(request.user, code)
    item = queries.evidence_of(case, pk)
    return files.response(sha256=item.sha256, content_type=item.content_type, name=item.name)

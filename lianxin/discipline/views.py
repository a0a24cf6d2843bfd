"""Discipline work in the workbench; every page asks access.py, and refuses with 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_POST

from lianxin.core import clock, deadlines, export_views, files
from lianxin.core.forms import accept_files, run_action
from lianxin.core.views import staff_required
from lianxin.org.access import home_root_or_404

from . import access, actions, forms, queries
from .models import Status


def _root(request):
    return home_root_or_404(request.user)


@staff_required
def reports(request: HttpRequest) -> HttpResponse:
    root = _root(request)
    if not access.in_fallback(request.user, root):
        raise Http404
    at = clock.now()
    soon = deadlines.due_soon_limit(at)
    items: list[Any] = list(queries.report_list(request.user, root))  # each gets a .badge
    for r in items:
        due = r.accept_due if r.status == Status.RECEIVED else r.feedback_due
        r.badge = (
            deadlines.badge(due, at, soon)
            if r.status in (Status.RECEIVED, Status.CONCLUDED)
            else ""
        )
    return render(
        request,
        "discipline/reports.html",
        {"reports": items, "inspector": access.is_inspector(request.user, root)},
    )


@require_POST
@staff_required
def reports_export(request: HttpRequest) -> HttpResponse:
    """The register of reports the user may handle, written in the background (no reporter
    details); the page's rule, so an outsider gets 404."""
    return export_views.start(request, "discipline_reports")


STEP_FORMS = {
    "dispose": forms.DisposeForm,
    "conclude": forms.ConcludeForm,
    "feedback": forms.FeedbackForm,
}
STEPS_BY_STATUS = {
    Status.RECEIVED: ["accept", "identify"],
    Status.ACCEPTED: ["dispose", "identify"],
    Status.DISPOSED: ["dispose", "conclude", "identify"],
    Status.CONCLUDED: ["feedback"],
    Status.CLOSED: [],
}


def _step_form(name, report, data=None):
    """A step's form showing what the report holds now (after a step the page shows the
    choice made, not the form's defaults)."""
    initial = {"version": report.version}
    if name == "identify":
        initial["person"] = report.accused_person_id
        return forms.IdentifyForm(data, root=report.root, initial=initial, prefix=name)
    if name == "accept":
        initial["accused"] = report.accused_person_id
        return forms.AcceptForm(data, root=report.root, initial=initial, prefix=name)
    current = {
        "dispose": {"disposition": report.disposition, "category": report.category},
        "conclude": {"findings": report.findings, "decision": report.decision},
        "feedback": {"feedback": report.feedback},
    }[name]
    initial.update({k: v for k, v in current.items() if v})
    return STEP_FORMS[name](data, initial=initial, prefix=name)


# What the page says after each step.
STEP_DONE = {
    "accept": pgettext_lazy("report step done", "The report is accepted."),
    "identify": pgettext_lazy("report step done", "The person reported is confirmed."),
    "dispose": pgettext_lazy("report step done", "The disposition is decided."),
    "conclude": pgettext_lazy("report step done", "Findings and decision recorded: concluded."),
    "feedback": pgettext_lazy("report step done", "The reporter is told; the report is closed."),
}

# Each step's heading and the verb on its button, as the office says it.
STEP_WORDS = {
    "accept": (
        pgettext_lazy("report step", "Accept the report"),
        pgettext_lazy("report step", "Accept"),
    ),
    "identify": (
        pgettext_lazy("report step", "Name the person reported"),
        pgettext_lazy("report step", "Confirm the person reported"),
    ),
    "dispose": (
        pgettext_lazy("report step", "Disposition"),
        pgettext_lazy("report step", "Decide the disposition"),
    ),
    "conclude": (
        pgettext_lazy("report step", "Findings and decision"),
        pgettext_lazy("report step", "Conclude"),
    ),
    "feedback": (
        pgettext_lazy("report step", "Feedback to the reporter"),
        pgettext_lazy("report step", "Send the feedback and close"),
    ),
}


def _detail(request, report, bound=None, status=200):
    step_forms = {n: _step_form(n, report) for n in STEPS_BY_STATUS[report.status]}
    if bound:
        step_forms[bound[0]] = bound[1]
    steps = [(n, f, *STEP_WORDS[n]) for n, f in step_forms.items()]
    return render(
        request,
        "discipline/report.html",
        {
            "r": report,
            "steps": steps,
            "events": queries.report_events(report),
            "messages_": queries.report_messages(report),
            "evidence": queries.loose_evidence(report),
            "message_form": forms.StaffMessageForm(),
            "penalties": queries.report_penalties(report),
        },
        status=status,
    )


@staff_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, access.access_report(request.user, pk))


@require_POST
@staff_required
def report_step(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    report = access.access_report(request.user, pk)
    if name not in STEPS_BY_STATUS[report.status]:
        raise Http404
    form = _step_form(name, report, request.POST)
    if form.is_valid():
        d, u = form.cleaned_data, request.user
        v = d["version"]
        call = {
            "accept": lambda: actions.report_accept(
                report=report, actor=u, version=v, accused=d.get("accused")
            ),
            "identify": lambda: actions.report_identify(
                report=report, person=d.get("person"), actor=u, version=v
            ),
            "dispose": lambda: actions.report_dispose(
                report=report,
                disposition=d.get("disposition"),
                category=d.get("category"),
                note=d.get("note", ""),
                actor=u,
                version=v,
            ),  # fmt: skip
            "conclude": lambda: actions.report_conclude(
                report=report,
                findings=d.get("findings"),
                decision=d.get("decision"),
                actor=u,
                version=v,
            ),  # fmt: skip
            "feedback": lambda: actions.report_feedback(
                report=report, feedback=d.get("feedback"), actor=u, version=v
            ),
        }[name]
        if run_action(form, call) is not None:
            messages.success(request, str(STEP_DONE[name]))
            if access.still_handles(request.user, pk):
                return redirect("workbench:report_detail", pk)
            return redirect("workbench:reports")  # now in conflict, or routed away
    return _detail(request, report, bound=(name, form), status=400)


@require_POST
@staff_required
def report_message(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.access_report(request.user, pk)
    form = forms.StaffMessageForm(request.POST)
    if form.is_valid() and run_action(
        form,
        lambda: actions.inspector_message(
            report=report, text=form.cleaned_data["text"], actor=request.user
        ),
    ):
        return redirect("workbench:report_detail", pk)
    return _detail(request, report, status=400)


@require_POST
@staff_required
def report_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx: a named reporter's identity; every reading recorded."""
    report = access.access_report(request.user, pk)
    identity = actions.reporter_reveal(report=report, actor=request.user)
    return render(request, "discipline/_identity.html", {"identity": identity})


@staff_required
def report_file(request: HttpRequest, pk: int, file_pk: int) -> HttpResponse:
    report = access.access_report(request.user, pk)
    f = queries.evidence_file(report, file_pk)
    if f is None:
        raise Http404
    return files.response(sha256=f.sha256, content_type=f.content_type, name=f.name)


@staff_required
def penalties(request: HttpRequest) -> HttpResponse:
    root = _root(request)
    access.require_inspector(request.user, root)
    form = forms.PenaltyForm(
        request.POST or None, request.FILES or None, people=queries.people_of(root)
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        call = lambda: actions.penalty_record(  # noqa: E731
            root=root, person=d["person"], kind=d["kind"], measure=d["measure"],
            category=d["category"], decided_on=d["decided_on"], ends_on=d["ends_on"],
            document_no=d["document_no"], reason=d["reason"], report_number=d["report"],
            documents=accept_files(d["document"]), actor=request.user,
        )  # fmt: skip
        if run_action(form, call) is not None:
            messages.success(request, _("The penalty is recorded."))
            return redirect("workbench:penalties")
    items = queries.penalty_list(request.user, root)
    return render(
        request,
        "discipline/penalties.html",
        {"penalties": items, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@staff_required
def penalties_export(request: HttpRequest) -> HttpResponse:
    """The penalties register, written in the background; inspectors only (others 404)."""
    return export_views.start(request, "discipline_penalties")


@staff_required
def penalty_document(request: HttpRequest, pk: int) -> HttpResponse:
    penalty = access.access_penalty(request.user, pk)
    if not penalty.document_sha256:
        raise Http404
    return files.response(
        sha256=penalty.document_sha256,
        content_type=penalty.document_type,
        name=penalty.document_name,
    )


@staff_required
def notices(request: HttpRequest) -> HttpResponse:
    root = _root(request)
    access.require_inspector(request.user, root)
    choices = queries.unpublished_penalties(request.user, root)
    form = forms.NoticeForm(request.POST or None, penalties=choices)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if run_action(
            form,
            lambda: actions.notice_publish(
                root=root,
                penalty=d["penalty"],
                title=d["title"],
                position=d["position"],
                conduct=d["conduct"],
                clause=d["clause"],
                actor=request.user,
            ),  # fmt: skip
        ):
            messages.success(request, _("The notice is published."))
            return redirect("workbench:discipline_notices")
    return render(
        request,
        "discipline/notices.html",
        {"notices": queries.notices_of(root), "form": form},
        status=400 if form.errors else 200,
    )

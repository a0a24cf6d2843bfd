"""Regulations in the workbench: the list, a regulation's versions, one version with its
study completion, drafting, coming into force, repeal, the diff, and booklets."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianxin.core import export_views
from lianxin.core.forms import run_action, try_action
from lianxin.core.views import staff_required
from lianxin.org.access import person_of

from . import access, actions, booklet, forms, queries
from .models import VersionStatus


@staff_required
def regulations(request: HttpRequest) -> HttpResponse:
    root = access.root_of(request.user)
    manages = access.manages(request.user, root)
    form = forms.RegulationForm(request.POST or None)
    if request.method == "POST":
        if not manages:
            raise Http404
        if form.is_valid():
            d = form.cleaned_data
            made = run_action(
                form,
                lambda: actions.regulation_create(
                    root=root, code=d["code"], title=d["title"], actor=request.user
                ),
            )
            if made is not None:
                return redirect("workbench:regulation", made.pk)
    rows = queries.regulation_rows(root, person_of(request.user))
    return render(
        request,
        "rules/regulations.html",
        {"rows": rows, "form": form, "manages": manages},
        status=400 if form.errors else 200,
    )


@staff_required
def regulation(request: HttpRequest, pk: int) -> HttpResponse:
    r = access.access_regulation(request.user, pk)
    manages = access.manages(request.user, r.root)
    versions = queries.versions_of(r)
    current = next((v for v in versions if v.status == VersionStatus.IN_FORCE), None)
    draft = next((v for v in versions if v.status == VersionStatus.DRAFT), None)
    form = None
    if manages and draft is None:
        base = current or (versions[0] if versions else None)
        initial = {"text": base.text} if base else {}
        if base:
            initial.update(issued_by=base.issued_by_id, applies_to=base.applies_to_id)
        form = forms.VersionForm(request.POST or None, root=r.root, initial=initial)
        if request.method == "POST" and form.is_valid():
            d = form.cleaned_data
            made = run_action(
                form,
                lambda: actions.version_draft(
                    regulation=r,
                    text=d["text"],
                    issued_by=d["issued_by"],
                    applies_to=d["applies_to"],
                    document_no=d["document_no"],
                    effective_date=d["effective_date"],
                    actor=request.user,
                ),
            )
            if made is not None:
                return redirect("workbench:rule_version", made.pk)
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "rules/regulation.html",
        {"r": r, "versions": versions, "current": current, "draft": draft, "form": form,
         "manages": manages},
        status=400 if form is not None and form.errors else 200,
    )  # fmt: skip


@staff_required
def version(request: HttpRequest, pk: int) -> HttpResponse:
    v = access.access_version(request.user, pk)
    manages = access.manages(request.user, v.regulation.root)
    person = person_of(request.user)
    applies = queries.applies_to(v, person)
    acked = applies and queries.acknowledged(v, person)
    form = None
    if manages and v.status == VersionStatus.DRAFT:
        form = forms.VersionForm(
            request.POST or None,
            root=v.regulation.root,
            draft=True,
            initial={"text": v.text, "document_no": v.document_no,
                     "effective_date": v.effective_date},
        )  # fmt: skip
        if request.method == "POST" and form.is_valid():
            d = form.cleaned_data
            if run_action(
                form,
                lambda: actions.version_update(
                    version=v,
                    text=d["text"],
                    document_no=d["document_no"],
                    effective_date=d["effective_date"],
                    actor=request.user,
                ),
            ):
                messages.success(request, _("Saved."))
                return redirect("workbench:rule_version", v.pk)
    elif request.method == "POST":
        raise Http404
    previous = queries.previous_version(v)
    return render(
        request,
        "rules/version.html",
        {
            "v": v,
            "chapters": queries.chapters(v),
            "manages": manages,
            "applies": applies,
            "acked": acked,
            "form": form,
            "previous": previous,
            "study": queries.study_by_unit(v) if v.status != VersionStatus.DRAFT else [],
        },
        status=400 if form is not None and form.errors else 200,
    )


@require_POST
@staff_required
def study_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The study table of an issued version, written in the background (others 404)."""
    return export_views.start(request, "rule_study", version=pk)


@require_POST
@staff_required
def version_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    v = access.access_version(request.user, pk, manage=step != "acknowledge")
    calls = {
        "acknowledge": lambda: actions.version_acknowledge(version=v, actor=request.user),
        "enforce": lambda: actions.version_enforce(version=v, actor=request.user),
        "repeal": lambda: actions.regulation_repeal(regulation=v.regulation, actor=request.user),
    }
    if step not in calls:
        raise Http404
    if try_action(request, calls[step]) is not None:
        messages.success(
            request,
            {
                "acknowledge": _("Recorded: you have studied this version."),
                "enforce": _("The version is in force; the cadres it applies to were told."),
                "repeal": _("The regulation is repealed."),
            }[step],
        )
    return redirect("workbench:rule_version", v.pk)


@staff_required
def version_diff(request: HttpRequest, pk: int, other: int) -> HttpResponse:
    new = access.access_version(request.user, pk)
    old = access.access_version(request.user, other)
    if old.regulation_id != new.regulation_id:
        raise Http404
    return render(
        request, "rules/diff.html", {"old": old, "new": new, "lines": queries.diff(old, new)}
    )


@staff_required
def booklet_page(request: HttpRequest) -> HttpResponse:
    """Choose regulations; the booklet comes as a print-ready page or as a PDF."""
    root = access.root_of(request.user)
    if not access.manages(request.user, root):
        raise Http404
    form = forms.BookletForm(request.GET or None, root=root)
    if request.GET and form.is_valid():
        d = form.cleaned_data
        versions = queries.versions_in_force(d["regulations"])
        if request.GET.get("format") == "pdf":
            return booklet.pdf_response(request, title=d["title"], versions=versions, root=root)
        return booklet.html_response(request, title=d["title"], versions=versions, root=root)
    return render(request, "rules/booklet_form.html", {"form": form})

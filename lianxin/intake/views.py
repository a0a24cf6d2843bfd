"""Workbench pages of bulk imports: upload and check, confirm, progress, the template."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from lianxin.core.exports import xlsx_response
from lianxin.core.forms import StyledForm, run_action, try_action
from lianxin.core.views import staff_required
from lianxin.org.access import home_root

from . import actions, imports, queries
from .models import ImportBatch

MAX_UPLOAD = 50 * 1024 * 1024


class UploadForm(StyledForm):
    channel = forms.ChoiceField(
        label=gettext_lazy("The file holds"),
        choices=[
            ("opinion_box", gettext_lazy("opinion-box slips")),
            ("import", gettext_lazy("historical cases")),
        ],
    )
    file = forms.FileField(label=gettext_lazy("File (.xlsx or .csv)"))


def _root(request):
    root = home_root(request.user)
    if root is None or not actions.may_import(request.user, root):
        raise PermissionDenied
    return root


@staff_required
def import_list(request: HttpRequest) -> HttpResponse:
    root = _root(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            form.add_error("file", _("The file is larger than 50 MB."))
        else:
            batch = run_action(
                form,
                lambda: actions.import_check(
                    root=root,
                    channel=form.cleaned_data["channel"],
                    name=upload.name,
                    data=upload.read(),
                    actor=request.user,
                ),
            )
            if batch is not None:
                return redirect("workbench:import_detail", batch.pk)
    return render(
        request,
        "intake/imports.html",
        {
            "form": form,
            "batches": queries.import_batches(root),
        },
        status=400 if form.errors else 200,
    )


def _batch(request, pk) -> ImportBatch:
    root = _root(request)
    batch = queries.import_batch(root, pk)
    if batch is None:
        raise Http404
    return batch


@staff_required
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _batch(request, pk)
    template = (
        "intake/_progress.html" if request.headers.get("HX-Request") else "intake/import.html"
    )
    return render(request, template, {"batch": batch, "errors": batch.errors[:200]})


@require_POST
@staff_required
def import_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _batch(request, pk)
    if try_action(request, lambda: actions.import_start(batch=batch, actor=request.user) or True):
        messages.success(request, _("Importing."))
    return redirect("workbench:import_detail", batch.pk)


@staff_required
def import_template(request: HttpRequest) -> HttpResponse:
    _root(request)
    book = Workbook()
    sheet = book.active
    sheet.title = _("Cases")
    for row in imports.template_rows():
        sheet.append(row)
    for col in "ABCDEFGHIJ":
        sheet.column_dimensions[col].width = 18
    return xlsx_response(book, "导入模板.xlsx")

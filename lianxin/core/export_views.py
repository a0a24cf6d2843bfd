"""The page of a background export (its progress bar, then the download) and the one way
an export page starts a job."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from . import actions, exportjobs
from .forms import try_action
from .views import staff_required


def start(request: HttpRequest, kind: str, **path: str) -> HttpResponse:
    """Called by an app's export view (POST): the page's own access rule, then the job;
    an outsider gets 404 and learns nothing. `path` are the page's own parameters (the
    month of `.../<month>.xlsx`), kept with its query's filters."""
    spec = exportjobs.kind_of(kind)
    filters = exportjobs.filters_of(request.GET)
    filters.update({key: [str(value)] for key, value in path.items()})
    if spec is None or not spec.allowed(request.user, filters):
        raise Http404
    fmt = "csv" if request.POST.get("fmt") == "csv" else "xlsx"
    job = try_action(
        request,
        lambda: actions.export_request(user=request.user, kind=kind, filters=filters, fmt=fmt),
    )
    if job is None:
        return redirect("workbench:home")
    return redirect("workbench:export_job", job.pk)


@staff_required
def export_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = exportjobs.job_of(request.user, pk)
    if job is None:
        raise Http404
    template = (
        "core/_export_progress.html" if request.headers.get("HX-Request") else "core/export.html"
    )
    return render(request, template, {"job": job})


@staff_required
def export_download(request: HttpRequest, pk: int) -> FileResponse:
    job = exportjobs.job_of(request.user, pk)
    path = exportjobs.stored_file(job) if job is not None else None
    if job is None or path is None:
        raise Http404
    return FileResponse(open(path, "rb"), as_attachment=True, filename=job.file_name)

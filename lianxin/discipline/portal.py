"""The public side of discipline work: the report form (named or anonymous; rate-limited,
with a proof of work), following a report with its receipt and exchanging messages with the
inspectors, and the public notices with the monthly statistics.

Nothing here stores an address or browser data: the rate limit keeps a keyed hash of the
network address in a counter row that names no report; the session holds only the report's
id after a correct receipt."""

from __future__ import annotations

from datetime import timedelta

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from lianxin.core import files, pow, ratelimit
from lianxin.core.forms import accept_files, run_action
from lianxin.portal.cases import portal_root

from . import actions, forms, queries, sealing
from .models import Report

SESSION = "discipline_report"
SUBMIT_LIMIT = 5
LOOKUP_LIMIT = 10


@never_cache
def report(request: HttpRequest) -> HttpResponse:
    root = portal_root()
    form = forms.ReportForm(
        request.POST or None,
        request.FILES or None,
        root=root,
        initial={"pow_challenge": pow.challenge(), "clause": request.GET.get("clause", "")},
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if not pow.verify(d["pow_challenge"], d["pow_counter"]):
            form.add_error(None, _("The form expired or was not sent by a browser. Send it again."))
        elif not ratelimit.allowed(
            request, "report", limit=SUBMIT_LIMIT, window=timedelta(hours=1)
        ):
            form.add_error(None, _("Too many reports from your network. Try again later."))
        else:
            result = run_action(
                form,
                lambda: actions.report_submit(
                    root=root,
                    accused_unit=d["accused_unit"],
                    accused_text=d["accused_text"],
                    what=d["what"],
                    when_text=d["when_text"],
                    where=d["where"],
                    clause=d["clause"],
                    name=d["name"],
                    phone=d["phone"],
                    contact=d["contact"],
                    files=accept_files(d["files"]),
                ),  # fmt: skip
            )
            if result is not None:
                made, receipt = result
                return render(
                    request,
                    "discipline/portal_submitted.html",
                    {"receipt": sealing.show_receipt(receipt), "named": not made.anonymous},
                )
        data = form.data.copy()  # a new challenge for the next try
        data["pow_challenge"] = pow.challenge()
        form.data = data
    return render(
        request,
        "discipline/portal_report.html",
        {"form": form, "pow_bits": pow.bits()},
        status=400 if form.errors else 200,
    )


@never_cache
def follow(request: HttpRequest) -> HttpResponse:
    form = forms.ReceiptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not ratelimit.allowed(request, "receipt", limit=LOOKUP_LIMIT, window=timedelta(hours=1)):
            form.add_error(None, _("Too many attempts. Try again in a while."))
        else:
            found = actions.report_by_receipt(form.cleaned_data["receipt"])
            if found is not None:
                request.session.cycle_key()
                request.session[SESSION] = found.pk
                return redirect("portal:report_progress")
            form.add_error(None, _("No report matches this receipt."))
    return render(
        request, "discipline/portal_follow.html", {"form": form}, status=400 if form.errors else 200
    )


def _followed(request) -> Report:
    pk = request.session.get(SESSION)
    found = Report.objects.filter(pk=pk).first() if pk else None
    if found is None:
        raise Http404
    return found


@never_cache
def progress(request: HttpRequest, form=None, status=200) -> HttpResponse:
    if not request.session.get(SESSION):
        return redirect("portal:report_follow")
    r = _followed(request)
    return render(
        request,
        "discipline/portal_progress.html",
        {
            "r": r,
            "messages_": r.messages.prefetch_related("files"),
            "form": form or forms.MessageForm(),
        },
        status=status,
    )


@require_POST
def progress_message(request: HttpRequest) -> HttpResponse:
    r = _followed(request)
    form = forms.MessageForm(request.POST, request.FILES)
    if form.is_valid() and run_action(
        form,
        lambda: actions.reporter_message(
            report=r, text=form.cleaned_data["text"], files=accept_files(form.cleaned_data["files"])
        ),
    ):
        return redirect("portal:report_progress")
    return progress(request, form=form, status=400)


def progress_file(request: HttpRequest, pk: int) -> HttpResponse:
    r = _followed(request)
    f = r.evidence.filter(pk=pk).first()
    if f is None:
        raise Http404
    return files.response(sha256=f.sha256, content_type=f.content_type, name=f.name)


@require_POST
def progress_leave(request: HttpRequest) -> HttpResponse:
    request.session.pop(SESSION, None)
    return redirect("portal:report_follow")


def notices(request: HttpRequest) -> HttpResponse:
    root = portal_root()
    months, rows = queries.monthly_stats(root)
    return render(
        request,
        "discipline/portal_notices.html",
        {"notices": queries.public_notices(root)[:50], "months": months, "rows": rows},
    )

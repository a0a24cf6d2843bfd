"""The public side of discipline work: the report form (named or anonymous; rate-limited,
with a proof of work), following a report with its receipt and exchanging messages with the
inspectors, and the public notices with the monthly statistics.

Nothing here writes a row that ties a reporter to an address, a time finer than the day,
or another submission: the forms are limited by a proof of work alone (no counter per
address), and following a report is a signed cookie holding the report's id (no session
row, which a logged-in cadre's session would otherwise tie to him)."""

from __future__ import annotations

from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from lianxin.core import files, pow
from lianxin.core.forms import run_action
from lianxin.org.queries import public_root as portal_root

from . import access, actions, evidence, forms, queries, sealing
from .models import Report

COOKIE = "lx_report"
COOKIE_SALT = "lianxin.discipline.follow"
COOKIE_AGE = 8 * 3600


def _expired_message():
    return _("The form expired or was not sent by a browser. Send it again.")


def _fresh_challenge(form) -> None:
    data = form.data.copy()  # a new challenge for the next try
    data["pow_challenge"] = pow.challenge()
    form.data = data


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
            form.add_error(None, _expired_message())
        else:
            result = run_action(
                form,
                lambda: actions.report_submit(
                    root=root,
                    accused_unit=d["accused_unit"],
                    accused_person=d["accused_person"],
                    accused_text=d["accused_text"],
                    what=d["what"],
                    when_text=d["when_text"],
                    where=d["where"],
                    clause=d["clause"],
                    name=d["name"],
                    phone=d["phone"],
                    contact=d["contact"],
                    files=evidence.accept(d["files"]),
                ),  # fmt: skip
            )
            if result is not None:
                made, receipt = result
                return render(
                    request,
                    "discipline/portal_submitted.html",
                    {"receipt": sealing.show_receipt(receipt), "named": not made.anonymous},
                )
        _fresh_challenge(form)
    return render(
        request,
        "discipline/portal_report.html",
        {"form": form, "pow_bits": pow.bits()},
        status=400 if form.errors else 200,
    )


@never_cache
def follow(request: HttpRequest) -> HttpResponse:
    """A receipt opens the report: a proof of work per try (no counter per address, which
    would tie the reporter's address to his report), and one scrypt per try."""
    form = forms.ReceiptForm(request.POST or None, initial={"pow_challenge": pow.challenge()})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if not pow.verify(d["pow_challenge"], d["pow_counter"]):
            form.add_error(None, _expired_message())
        else:
            found = actions.report_by_receipt(d["receipt"])
            if found is not None:
                response = redirect("portal:report_progress")
                response.set_signed_cookie(
                    COOKIE, str(found.pk), salt=COOKIE_SALT, max_age=COOKIE_AGE,
                    path="/report/", httponly=True, samesite="Strict",
                    secure=request.is_secure(),
                )  # fmt: skip
                return response
            form.add_error(None, _("No report matches this receipt."))
        _fresh_challenge(form)
    return render(
        request,
        "discipline/portal_follow.html",
        {"form": form, "pow_bits": pow.bits()},
        status=400 if form.errors else 200,
    )


def _followed_pk(request) -> str | None:
    try:
        return request.get_signed_cookie(COOKIE, salt=COOKIE_SALT, max_age=COOKIE_AGE)
    except (KeyError, signing.BadSignature):
        return None


def _followed(request) -> Report:
    return access.reporter_report(_followed_pk(request))


@never_cache
def progress(request: HttpRequest, form=None, status=200) -> HttpResponse:
    if not _followed_pk(request):
        return redirect("portal:report_follow")
    r = _followed(request)
    return render(
        request,
        "discipline/portal_progress.html",
        {
            "r": r,
            "messages_": queries.report_messages(r),
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
            report=r,
            text=form.cleaned_data["text"],
            files=evidence.accept(form.cleaned_data["files"]),
        ),
    ):
        return redirect("portal:report_progress")
    return progress(request, form=form, status=400)


def progress_file(request: HttpRequest, pk: int) -> HttpResponse:
    r = _followed(request)
    f = queries.evidence_file(r, pk)
    if f is None:
        raise Http404
    return files.response(sha256=f.sha256, content_type=f.content_type, name=f.name)


@require_POST
def progress_leave(request: HttpRequest) -> HttpResponse:
    response = redirect("portal:report_follow")
    response.delete_cookie(COOKIE, path="/report/")
    return response


def notices(request: HttpRequest) -> HttpResponse:
    root = portal_root()
    months, rows = queries.monthly_stats(root)
    return render(
        request,
        "discipline/portal_notices.html",
        {"notices": queries.public_notices(root)[:50], "months": months, "rows": rows},
    )

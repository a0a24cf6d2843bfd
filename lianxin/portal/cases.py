"""Public pages of cases: submit, follow with code + secret, rate, the message board."""

from __future__ import annotations

from datetime import timedelta

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from lianxin.cases import access, actions, codes, queries
from lianxin.cases import forms as case_forms
from lianxin.cases import workflow as wf
from lianxin.cases.models import Case, Status
from lianxin.core import files, pow, ratelimit
from lianxin.core.actor import Actor
from lianxin.core.forms import accept_files, run_action
from lianxin.org.models import Unit
from lianxin.org.queries import public_root

from . import pending, progress

CITIZEN = Actor.citizen("portal")  # proven by code + secret or a phone code

TRACKED = "tracked_cases"
SUBMIT_LIMIT = 5
LOOKUP_LIMIT = 10
SMS_LIMIT = 5
UPLOAD_LIMIT = 20  # sendings with files per network in ten minutes


def portal_root() -> Unit:
    return public_root()


@never_cache
def submit(request: HttpRequest) -> HttpResponse:
    return _submit(request, channel="web")


@never_cache
def board_post(request: HttpRequest) -> HttpResponse:
    """A new post on the public message board (网络论坛): a case of channel `forum`, public."""
    return _submit(request, channel="forum")


def _client(request) -> str:
    """The portal client a submission token belongs to: this browser's session."""
    if not request.session.session_key:
        request.session.save()
    return "session:" + request.session.session_key


def _submit(request: HttpRequest, *, channel: str) -> HttpResponse:
    root = portal_root()
    kind = request.GET.get("kind", "")
    form = case_forms.PortalSubmitForm(
        request.POST or None,
        request.FILES or None,
        root=root,
        initial={"submit_token": codes.new_token(), "kind": kind},
    )
    attached: list = []
    if request.method == "GET":
        _client(request)  # the session that a double-click's second request will share
    if request.method == "POST":
        form.is_valid()
        attached = _attach(request, form)
    if request.method == "POST" and not form.errors:
        d = form.cleaned_data
        client = _client(request)
        key = codes.submit_key(channel=channel, client=client, token=d["submit_token"])
        repeat = queries.submitted(key)
        if not repeat and not ratelimit.allowed(request, "submit", limit=SUBMIT_LIMIT):
            form.add_error(None, _("Too many submissions from your network. Try again later."))
        else:
            result = run_action(
                form,
                lambda: actions.case_receive(
                    root=root,
                    kind=d["kind"],
                    channel=channel,
                    category=d["category"],
                    content=d["content"],
                    place=d["place"],
                    citizen_name=d["citizen_name"],
                    citizen_phone=d["citizen_phone"],
                    is_public=d["is_public"] or channel == "forum",
                    submit_token=d["submit_token"],
                    client=client,
                    actor=Actor.citizen(channel),
                    files=attached,
                ),
            )
            if result is not None:
                case, secret = result
                pending.drop(request, d["submit_token"])
                _remember(request, case.code)
                return render(
                    request,
                    "portal/submitted.html",
                    {"case": case, "secret": secret, "progress": progress.of(case)},
                )
    token = form.cleaned_data.get("submit_token", "") if form.is_bound else ""
    return render(
        request,
        "portal/submit.html",
        {"form": form, "forum": channel == "forum", "kept": attached, "token": token},
        status=400 if form.errors else 200,
    )


def _attach(request: HttpRequest, form) -> list:
    """The files of this submission: those kept from the form's earlier sending that the
    citizen left ticked, and the new uploads (checked and stored). They stay kept for the
    form (pending.py) until a submission succeeds, so that an error elsewhere on the form
    never loses them."""
    token = form.cleaned_data.get("submit_token", "")
    attached = pending.kept(request, token, request.POST.getlist("keep_file"))
    uploads = form.cleaned_data.get("files") or []
    if uploads and not ratelimit.allowed(request, "upload", limit=UPLOAD_LIMIT):
        form.add_error("files", _("Too many files from your network. Try again later."))
        uploads = []
    new = run_action(form, lambda: accept_files(uploads)) if uploads else []
    attached += [f for f in new or [] if f.sha256 not in {a.sha256 for a in attached}]
    if len(attached) > files.MAX_FILES:
        form.add_error("files", _("At most %(n)d files at once.") % {"n": files.MAX_FILES})
        attached = attached[: files.MAX_FILES]
    pending.keep(request, token, attached)
    return attached


def submit_kept(request: HttpRequest, token: str, sha256: str) -> HttpResponse:
    """A file kept for a re-shown form, to the browser that sent it."""
    return pending.serve(request, token, sha256)


def _remember(request, code: str) -> None:
    tracked = [c for c in request.session.get(TRACKED, []) if c != code]
    request.session[TRACKED] = [code, *tracked][:20]


def _pow_ok(request, form) -> bool:
    """Every lookup carries a proof of work (the browser finds it in a moment): a script
    guessing secrets pays for each guess, and no count of wrong guesses ever locks the
    owner out of his case."""
    return pow.verify(form.cleaned_data["pow_challenge"], form.cleaned_data["pow_counter"])


def _fresh_challenge(form) -> None:
    data = form.data.copy()
    data["pow_challenge"] = pow.challenge()
    form.data = data


def _track_page(request, form, phone_form, status=200) -> HttpResponse:
    return render(
        request,
        "portal/track.html",
        {"form": form, "phone_form": phone_form, "pow_bits": pow.bits()},
        status=status,
    )


@never_cache
def track(request: HttpRequest) -> HttpResponse:
    initial = {"code": request.GET.get("code"), "pow_challenge": pow.challenge()}
    form = case_forms.LookupForm(request.POST or None, initial=initial)
    phone_form = case_forms.PhoneProofForm(  # a challenge of its own: each is taken once
        initial={**initial, "pow_challenge": pow.challenge()}
    )
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"].strip()
        if not ratelimit.allowed(request, "lookup", limit=LOOKUP_LIMIT):
            form.add_error(None, _("Too many attempts. Try again in a while."))
        elif not _pow_ok(request, form):
            form.add_error(None, _("The form expired or was not sent by a browser. Send it again."))
        else:
            case = access.case_by_secret(code, form.cleaned_data["secret"])
            if case is not None:
                _remember(request, case.code)
                return redirect("portal:track_case", case.code)
            form.add_error(None, _("No case matches this code and secret."))
    if form.is_bound:
        _fresh_challenge(form)
    return _track_page(request, form, phone_form, status=400 if form.errors else 200)


@never_cache
@require_POST
def track_phone(request: HttpRequest) -> HttpResponse:
    """Step 1: a one-time code to the case's mobile. The answer is the same whether or not
    the number is the case's, so that it tells nobody whose number it is."""
    initial = {"pow_challenge": pow.challenge()}
    form = case_forms.PhoneProofForm(request.POST)
    if form.is_valid():
        code = form.cleaned_data["code"].strip()
        if not ratelimit.allowed(
            request, "phone-proof", limit=SMS_LIMIT, window=timedelta(hours=1)
        ):
            form.add_error(None, _("Too many attempts. Try again in a while."))
        elif not _pow_ok(request, form):
            form.add_error(None, _("The form expired or was not sent by a browser. Send it again."))
        else:
            case = access.trackable_case(code)
            if case is not None:
                actions.case_phone_proof_send(case=case, phone=form.cleaned_data["phone"])
            return render(
                request,
                "portal/track_phone.html",
                {"form": case_forms.PhoneCodeForm(initial={"code": code})},
            )
    _fresh_challenge(form)
    lookup = case_forms.LookupForm(initial={**initial, "code": request.POST.get("code")})
    return _track_page(request, lookup, form, status=400)


@never_cache
@require_POST
def track_phone_code(request: HttpRequest) -> HttpResponse:
    """Step 2: the code from the text message opens the case in this browser."""
    form = case_forms.PhoneCodeForm(request.POST)
    if form.is_valid():
        code = form.cleaned_data["code"].strip()
        if not ratelimit.allowed(request, "lookup", limit=LOOKUP_LIMIT):
            form.add_error(None, _("Too many attempts. Try again in a while."))
        else:
            case = access.trackable_case(code)
            if case is not None and actions.case_phone_proof_check(
                case=case, code=form.cleaned_data["sms_code"]
            ):
                _remember(request, case.code)
                return redirect("portal:track_case", case.code)
            form.add_error("sms_code", _("This code is wrong or has expired. Ask for a new one."))
    return render(request, "portal/track_phone.html", {"form": form}, status=400)


def _tracked(request, code: str) -> Case:
    if code not in request.session.get(TRACKED, []):
        raise Http404
    case = queries.tracked_case(code)
    if case is None:
        raise Http404
    return case


@never_cache
def track_case(request: HttpRequest, code: str, forms=None, status=200) -> HttpResponse:
    if code not in request.session.get(TRACKED, []):
        return redirect(reverse("portal:track") + f"?code={code}")
    case = _tracked(request, code)
    forms = forms or {}
    roles = {wf.CITIZEN}
    if case.status == Status.REPLIED and case.rated_at is None:
        forms.setdefault("rate", case_forms.RatingForm(initial={"version": case.version}))
    if case.status == Status.IN_PROGRESS and case.paused_at:
        forms.setdefault("supplement", case_forms.SupplementForm(initial={"version": case.version}))
    return render(
        request,
        "portal/track_case.html",
        {
            "case": case,
            "progress": progress.of(case),
            "events": queries.timeline(case, public_only=True),
            "forms": forms,
            "may_withdraw": wf.allowed(case.status, case.kind, "withdraw", roles),
        },
        status=status,
    )


def track_file(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """The citizen's own files, on the case he is tracking (entries shown to him only)."""
    case = _tracked(request, code)
    a = queries.attachment_of(case, pk, public_only=True)
    return files.response(sha256=a.sha256, content_type=a.content_type, name=a.name)


@require_POST
def track_act(request: HttpRequest, code: str, name: str) -> HttpResponse:
    case = _tracked(request, code)
    if name == "withdraw":
        form = case_forms.ActionForm(request.POST)
        if form.is_valid() and run_action(
            form,
            lambda: actions.case_withdraw(
                case=case, actor=CITIZEN, version=form.cleaned_data["version"]
            ),
        ):
            return redirect("portal:track_case", code)
        return track_case(request, code, {"withdraw": form}, status=400)
    if name == "messages":
        actions.case_citizen_messages(case=case, enabled=request.POST.get("enabled") == "1")
        return redirect("portal:track_case", code)
    if name == "rate":
        form = case_forms.RatingForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            call = lambda: actions.case_rate(  # noqa: E731
                case=case,
                rating=d["rating"],
                solved=d["solved"],
                comment=d["comment"],
                actor=CITIZEN,
                version=d["version"],
            )
            if run_action(form, call) is not None:
                return redirect("portal:track_case", code)
        return track_case(request, code, {"rate": form}, status=400)
    if name == "supplement":
        form = case_forms.SupplementForm(request.POST, request.FILES)
        if form.is_valid():
            d = form.cleaned_data
            call = lambda: actions.case_resume(  # noqa: E731
                case=case,
                note=d["note"],
                actor=CITIZEN,
                version=d["version"],
                files=accept_files(d["files"]),
            )
            if run_action(form, call) is not None:
                return redirect("portal:track_case", code)
        return track_case(request, code, {"supplement": form}, status=400)
    raise Http404

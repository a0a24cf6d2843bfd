"""Pages of the second factor: enrol an authenticator app, enter its code (or a recovery
code). See lianxin/core/secondfactor.py for who must pass it."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from . import actions, secondfactor
from .forms import StyledForm, run_action


class CodeForm(StyledForm):
    token = forms.CharField(
        label=_("Verification code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "autofocus": True}
        ),
    )


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) and target.startswith("/"):
        return target
    return "/workbench/"


def _passed(request: HttpRequest, device) -> None:
    otp_login(request, device)
    request.session.cycle_key()  # a new session id once the login is complete


@never_cache
@login_required
def verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    if secondfactor.is_verified(user):
        return redirect(_next(request))
    if secondfactor.confirmed_device(user) is None:
        return redirect("second_factor_enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = run_action(
            form,
            lambda: actions.second_factor_verify(user=user, token=form.cleaned_data["token"]),
        )
        if device is not None:
            _passed(request, device)
            return redirect(_next(request))
        if not form.errors:
            form.add_error(
                "token", _("The code is wrong or has expired, or the recovery code was used.")
            )
    return render(
        request,
        "registration/second_factor.html",
        {"form": form, "next": _next(request)},
        status=400 if form.errors else 200,
    )


@never_cache
@login_required
def enrol(request: HttpRequest) -> HttpResponse:
    user = request.user
    if secondfactor.confirmed_device(user) is not None:
        return redirect("second_factor")
    device = secondfactor.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = run_action(
            form,
            lambda: actions.second_factor_enrol(
                user=user, device=device, token=form.cleaned_data["token"]
            ),
        )
        if codes is not None:
            device.refresh_from_db()
            _passed(request, device)
            # Shown once, in this answer only (never cached, never stored in clear).
            return render(
                request,
                "registration/recovery_codes.html",
                {"codes": codes, "next": _next(request)},
            )
    return render(
        request,
        "registration/second_factor_enrol.html",
        {
            "form": form,
            "qr": secondfactor.qr_svg(device),
            "secret": secondfactor.secret_text(device),
            "next": _next(request),
            "required": secondfactor.needs_second_factor(user) and secondfactor.required(),
        },
        status=400 if form.errors else 200,
    )

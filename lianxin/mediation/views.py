"""Workbench pages of mediation: the list, a new dispute (also from a case), the dispute with
its parties, sessions and outcome, and the agreement printed for signature."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lianxin.cases.access import access_case
from lianxin.core import clock
from lianxin.core.forms import StyledForm, run_action, try_action
from lianxin.core.views import staff_required
from lianxin.org.access import home_root_or_404
from lianxin.org.models import Unit
from lianxin.org.queries import units_under

from . import access, actions, queries
from .models import Dispute, Party

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class DisputeForm(StyledForm):
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Mediating unit"),
        queryset=None,
        empty_label=gettext_lazy("Choose the mediating unit…"),
    )
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    category = forms.ChoiceField(label=gettext_lazy("Category"), choices=Dispute.Category.choices)
    description = forms.CharField(
        label=gettext_lazy("What happened"), widget=forms.Textarea(attrs={"rows": 4})
    )
    mediator = forms.ModelChoiceField(
        label=gettext_lazy("Mediator"),
        queryset=None,
        empty_label=gettext_lazy("Choose a mediator…"),
    )


class SessionForm(StyledForm):
    day = forms.DateField(label=gettext_lazy("Date"), widget=DATE)
    place = forms.CharField(label=gettext_lazy("Place"), max_length=100)
    attendees = forms.CharField(label=gettext_lazy("Attendees"), max_length=300)
    notes = forms.CharField(label=gettext_lazy("Notes"), widget=forms.Textarea(attrs={"rows": 3}))


class CloseForm(StyledForm):
    outcome = forms.ChoiceField(label=gettext_lazy("Outcome"), choices=Dispute.Outcome.choices)
    agreement = forms.CharField(
        label=gettext_lazy("Agreement"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    transfer_to = forms.CharField(label=gettext_lazy("Transferred to"), required=False)
    follow_up_on = forms.DateField(label=gettext_lazy("Follow up on"), required=False, widget=DATE)


def _root(request) -> Unit:
    return home_root_or_404(request.user)


@staff_required
def dispute_list(request: HttpRequest) -> HttpResponse:
    root = _root(request)
    disputes = access.disputes_seen(request.user, root)[:200]
    return render(request, "mediation/list.html", {"disputes": disputes})


@staff_required
def dispute_new(request: HttpRequest) -> HttpResponse:
    root = _root(request)
    case = None
    if request.GET.get("case") or request.POST.get("case"):
        case, _roles = access_case(
            request.user, request.GET.get("case") or request.POST.get("case")
        )
    form = DisputeForm(
        request.POST or None,
        initial={
            "subject": case.title if case else "",
            "description": case.content if case else "",
            "unit": case.lead_unit_id if case else None,
        },
    )
    form.fields["unit"].queryset = units_under(root)
    form.fields["mediator"].queryset = queries.mediators_of(root)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        parties = [
            {
                "name": request.POST.get(f"party-{i}", ""),
                "kind": request.POST.get(f"kind-{i}", "person"),
                "contact": request.POST.get(f"contact-{i}", ""),
            }
            for i in range(4)
        ]
        parties = [p for p in parties if p["name"].strip()]
        dispute = run_action(
            form, lambda: actions.dispute_open(actor=request.user, parties=parties, case=case, **d)
        )
        if dispute is not None:
            return redirect("workbench:dispute_detail", dispute.pk)
    return render(
        request,
        "mediation/new.html",
        {"form": form, "case": case, "rows": range(4), "kinds": Party.Kind.choices},
        status=400 if form.errors else 200,
    )


@staff_required
def dispute_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dispute = access.access_dispute(request.user, pk)
    works = access.is_mediator(request.user, dispute) or access.leads(request.user, dispute)
    which = request.POST.get("form")
    session_form = SessionForm(
        request.POST if which == "session" else None,
        initial={"day": timezone.localdate(clock.now())},
        prefix="s",
    )
    close_form = CloseForm(request.POST if which == "close" else None, prefix="c")
    if request.method == "POST":
        if not works:
            raise PermissionDenied
        done = None
        if which == "session" and session_form.is_valid():
            done = run_action(
                session_form,
                lambda: actions.session_add(
                    dispute=dispute, actor=request.user, **session_form.cleaned_data
                ),
            )
        elif which == "close" and close_form.is_valid():
            done = run_action(
                close_form,
                lambda: actions.dispute_close(
                    dispute=dispute, actor=request.user, **close_form.cleaned_data
                ),
            )
        elif which == "party":
            done = try_action(
                request,
                lambda: actions.party_add(
                    dispute=dispute,
                    name=request.POST.get("name", ""),
                    kind=request.POST.get("kind", "person"),
                    contact=request.POST.get("contact", ""),
                    actor=request.user,
                ),
            )
        elif which == "followup":
            done = try_action(
                request,
                lambda: actions.dispute_follow_up(
                    dispute=dispute,
                    kept=request.POST.get("kept") == "yes",
                    note=request.POST.get("note", ""),
                    actor=request.user,
                ),
            )
        if done is not None:
            messages.success(request, _("Saved."))
            return redirect("workbench:dispute_detail", dispute.pk)
    return render(
        request,
        "mediation/detail.html",
        {
            "dispute": dispute,
            "parties": queries.parties_of(dispute),
            "sessions": queries.sessions_of(dispute),
            "works": works,
            "contacts": access.sees_contacts(request.user, dispute),
            "session_form": session_form,
            "close_form": close_form,
            "kinds": Party.Kind.choices,
        },
        status=400 if request.method == "POST" else 200,
    )


CHINESE_DIGITS = "零一二三四五六七八九"
PARTY_LETTERS_ZH = "甲乙丙丁戊己庚辛壬癸"


def number_in_words(n: int) -> str:
    """一式三份: the number as an office writes it in Chinese (up to 99), digits otherwise."""
    from django.utils.translation import get_language

    if not (get_language() or "").startswith("zh") or not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CHINESE_DIGITS[tens] + "十")
    return head + (CHINESE_DIGITS[ones] if ones else "")


def party_label(i: int) -> str:
    """甲方, 乙方, ... (Party A, Party B, ... in English)."""
    from django.utils.translation import get_language

    if (get_language() or "").startswith("zh") and i < len(PARTY_LETTERS_ZH):
        return PARTY_LETTERS_ZH[i] + "方"
    return _("Party %(letter)s") % {"letter": chr(ord("A") + i % 26)}


@staff_required
def agreement(request: HttpRequest, pk: int) -> HttpResponse:
    """The mediation agreement (调解协议书), ready to print and sign: numbered in the mediating
    unit's yearly sequence, each party named with its standing, one copy for each party and
    one for the mediation body's file."""
    dispute = access.access_dispute(request.user, pk)
    if dispute.outcome != Dispute.Outcome.SUCCESS:
        raise Http404
    parties = queries.parties_of(dispute)
    return render(
        request,
        "mediation/agreement.html",
        {
            "dispute": dispute,
            "parties": [
                {
                    "party": p,
                    "label": party_label(i),
                    "organisation": p.kind == Party.Kind.ORGANISATION,
                }
                for i, p in enumerate(parties)
            ],
            "copies": number_in_words(len(parties) + 1),
            "contacts": access.sees_contacts(request.user, dispute),
        },
    )

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lianxin.core.forms import StyledForm
from lianxin.org.models import Unit

from .models import Review, Service, ServiceRequest

SHORT = forms.Textarea(attrs={"rows": 3})


class ServiceForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=100)
    code = forms.SlugField(label=_("Code"), max_length=40)
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        label=_("Handling unit"), queryset=None, empty_label=_("Choose the handling unit…")
    )


class CommitmentForm(StyledForm):
    text = forms.CharField(label=_("Commitment"), max_length=200)
    service: forms.ModelChoiceField[Service] = forms.ModelChoiceField(
        label=_("Service"),
        queryset=None,
        required=False,
        empty_label=_("All services (a general commitment)"),
    )
    target_workdays = forms.IntegerField(
        label=_("Completed within (working days)"), required=False, min_value=1
    )


class GuideForm(StyledForm):
    conditions = forms.CharField(label=_("Conditions"), required=False, widget=SHORT)
    steps = forms.CharField(label=_("Steps"), required=False, widget=SHORT)
    fees = forms.CharField(label=_("Fees"), required=False, widget=SHORT)
    fee_basis = forms.CharField(label=_("Basis of the fees"), required=False, widget=SHORT)
    legal_basis = forms.CharField(label=_("Legal basis"), required=False, widget=SHORT)
    legal_workdays = forms.IntegerField(label=_("Legal time limit (working days)"), required=False)
    promised_workdays = forms.IntegerField(
        label=_("Promised time limit (working days)"), required=False
    )
    visits = forms.IntegerField(label=_("Visits in person"), required=False, min_value=0)
    place = forms.CharField(label=_("Where to apply"), required=False)
    hours = forms.CharField(label=_("When to apply"), required=False)
    consult_phone = forms.CharField(label=_("Consultation phone"), required=False)
    complaint_phone = forms.CharField(label=_("Complaint phone"), required=False)


class RegisterForm(StyledForm):
    service: forms.ModelChoiceField[Service] = forms.ModelChoiceField(
        label=_("Service"), queryset=None, empty_label=_("Choose a service…")
    )
    applicant_name = forms.CharField(label=_("Applicant"), max_length=100)
    applicant_phone = forms.CharField(label=_("Phone"), max_length=20)
    subject = forms.CharField(label=_("Subject"), max_length=200)
    channel = forms.ChoiceField(
        label=_("Channel"), choices=[("window", _("window")), ("online", _("online"))]
    )
    submit_token = forms.CharField(widget=forms.HiddenInput, max_length=100)


class ReviewForm(StyledForm):
    code = forms.CharField(label=_("Request number"), max_length=20)
    secret = forms.CharField(label=_("Secret"), max_length=30)
    level = forms.TypedChoiceField(
        label=_("Rating"), coerce=int, choices=Review.Level.choices, widget=forms.RadioSelect
    )
    reasons = forms.CharField(label=_("Reasons"), required=False, widget=SHORT)


class CompleteForm(StyledForm):
    decision = forms.ChoiceField(label=_("Decision"), choices=ServiceRequest.Decision.choices)
    note = forms.CharField(label=_("Reason or note"), required=False, widget=SHORT)

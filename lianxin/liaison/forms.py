from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lianxin.cases.models import Category
from lianxin.core.forms import StyledForm
from lianxin.org.models import Person, Unit

from .models import Place, ResearchVisit, Visit

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class VisitForm(StyledForm):
    place = forms.ModelChoiceField(
        label=_("Place"), queryset=Place.objects.none(), empty_label=_("Choose a place…")
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Visit.Kind.choices)
    day = forms.DateField(label=_("Date"), widget=DATE)
    met = forms.CharField(label=_("Who was met"), max_length=200)
    said = forms.CharField(label=_("What they said"), widget=forms.Textarea(attrs={"rows": 4}))
    needs = forms.CharField(
        label=_("What they need (one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    signature = forms.CharField(label=_("Signed by the person visited"), required=False)
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png", "capture": "environment"}
        ),
    )


class PointForm(StyledForm):
    person: forms.ModelChoiceField[Person] = forms.ModelChoiceField(
        label=_("Cadre"), queryset=None, empty_label=_("Choose a cadre…")
    )
    place: forms.ModelChoiceField[Place] = forms.ModelChoiceField(
        label=_("Place"), queryset=None, empty_label=_("Choose a place…")
    )
    visits_per_month = forms.IntegerField(label=_("Visits a month"), initial=1, min_value=1)
    exchange_days_per_quarter = forms.IntegerField(
        label=_("Days of exchange a quarter"), initial=1, min_value=0
    )


class StintForm(StyledForm):
    person: forms.ModelChoiceField[Person] = forms.ModelChoiceField(
        label=_("Cadre"), queryset=None, empty_label=_("Choose a cadre…")
    )
    place: forms.ModelChoiceField[Place] = forms.ModelChoiceField(
        label=_("Place"), queryset=None, empty_label=_("Choose a place…")
    )
    starts_on = forms.DateField(label=_("Planned start"), widget=DATE)
    ends_on = forms.DateField(label=_("Planned end"), widget=DATE)


class PlaceForm(StyledForm):
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        label=_("Unit"), queryset=None, empty_label=_("Choose a unit…")
    )
    name = forms.CharField(label=_("Name"), max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), choices=Place.Kind.choices)
    address = forms.CharField(label=_("Address"), required=False)


class ResearchForm(StyledForm):
    station: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        label=_("Station"), queryset=None, empty_label=_("Choose a station…")
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=ResearchVisit.Kind.choices)
    day = forms.DateField(label=_("Date"), widget=DATE)
    team = forms.CharField(label=_("Who went"), max_length=200)
    attendees = forms.CharField(label=_("Who attended"), max_length=300)
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    category: forms.ModelChoiceField[Category] = forms.ModelChoiceField(
        label=_("Category of the problems"),
        queryset=None,
        required=False,
        empty_label=_("Choose a category (needed when problems are listed)…"),
    )

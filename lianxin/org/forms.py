from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lianxin.core.forms import StyledForm

from .models import Role, Unit


class UnitForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), choices=Unit.Kind.choices)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    sort_order = forms.IntegerField(label=_("Order"), min_value=0, initial=0, required=False)


class UnitCreateForm(UnitForm):
    code = forms.SlugField(
        label=_("Code"),
        max_length=40,
        required=False,
        help_text=_("Letters, digits and hyphens; left empty, one is made."),
    )


class UnitEditForm(UnitForm):
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)
    parent = forms.ModelChoiceField(
        label=_("Parent unit"), queryset=Unit.objects.none(), required=False
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["parent"].queryset = units


class PersonForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=50)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    position = forms.CharField(label=_("Position"), max_length=50, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    is_party_member = forms.BooleanField(label=_("Party member"), required=False)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units


class PersonCreateForm(PersonForm):
    username = forms.CharField(label=_("Login name"), max_length=150)
    password = forms.CharField(
        label=_("Initial password"),
        required=False,
        widget=forms.PasswordInput,
        help_text=_("Left empty, the person cannot log in until a password is set."),
    )


class PersonEditForm(PersonForm):
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)


class GrantForm(StyledForm):
    person: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Person"), queryset=None)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people

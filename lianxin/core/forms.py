from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .errors import ApplicationError

T = TypeVar("T")


class StyledForm(forms.Form):
    """A form of the workbench or the portal. Its widgets get Bootstrap's classes from the
    widget templates (templates/django/forms/widgets/, FORM_RENDERER in settings), not here."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # Django's "---------" says nothing to a clerk: ask for a choice, or say "none".
            if isinstance(field, forms.ModelChoiceField) and field.empty_label == "---------":
                field.empty_label = _("Choose…") if field.required else _("(none)")


def limit_choices(form: forms.BaseForm, name: str, queryset: QuerySet) -> None:
    """Give the model choice field `name` of `form` the choices of this page (a typed
    `form.fields[name].queryset = ...`: `fields` holds plain `Field`s for the checker)."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{name} is not a model choice field")
    field.queryset = queryset


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Several files in one field (photos, scans); checked by `core.files.accept` in the
    action's call, so a refused file names itself next to the field."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            _("Up to 5 photos (JPEG, PNG, GIF, WebP) or PDF files, 10 MB each."),
        )
        kwargs.setdefault("label", _("Photos or documents"))
        super().__init__(
            widget=MultipleFileInput(attrs={"accept": "image/*,application/pdf"}), **kwargs
        )

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


def accept_files(uploaded) -> list:
    """The uploads of a FilesField, checked and stored (ApplicationError on field `files`)."""
    from . import files

    return files.accept(files.read_uploads(uploaded)) if uploaded else []


def run_action(form: forms.Form, call: Callable[[], T]) -> T | None:
    """Call an action; a refusal becomes an error on the form (on its field if it names one
    the form has) and None is returned."""
    try:
        return call()
    except ApplicationError as err:
        field = err.field if err.field in form.fields else None
        form.add_error(field, str(err.message))
        return None


def try_action(request, call: Callable[[], T]) -> T | None:
    """Call an action that has no form; a refusal becomes an error message on the next page."""
    from django.contrib import messages

    try:
        return call()
    except ApplicationError as err:
        messages.error(request, str(err.message))
        return None


class CalendarYearForm(StyledForm):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    holidays = forms.CharField(
        label=_("Holidays"),
        widget=forms.Textarea(
            attrs={"rows": 8, "placeholder": "2027-01-01 元旦\n2027-02-06~2027-02-12 春节"}
        ),
        help_text=_("One date or range per line, with an optional note."),
    )
    workdays = forms.CharField(
        label=_("Make-up working days"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "placeholder": "2027-02-14 春节调休上班"}),
        help_text=_("Weekend days that are working days (调休上班), one per line."),
    )
    source = forms.CharField(
        label=_("Source"),
        required=False,
        max_length=200,
        help_text=_("For example the number of the State Council notice."),
    )


class CalendarImportForm(StyledForm):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    file = forms.FileField(
        label=_("File"),
        help_text=_("UTF-8 CSV or text: date or range, holiday/workday (放假/上班), note."),
    )
    source = forms.CharField(label=_("Source"), required=False, max_length=200)


class OverrideForm(StyledForm):
    day = forms.DateField(
        label=_("Date"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("holiday", _("holiday")), ("workday", _("working day"))]
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=100)

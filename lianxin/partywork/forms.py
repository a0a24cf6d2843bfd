from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lianxin.core.forms import StyledForm
from lianxin.org.models import Unit

TEXT = forms.Textarea(attrs={"rows": 4})


class SessionForm(StyledForm):
    topic = forms.CharField(label=_("Topic"), max_length=100)
    starts_at = forms.DateTimeField(
        label=_("Time"),
        widget=forms.DateTimeInput(format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"}),
    )
    place = forms.CharField(label=_("Place"), required=False, max_length=100)
    materials = forms.CharField(label=_("Materials"), required=False, widget=TEXT)


class GuidanceForm(StyledForm):
    doc_no = forms.CharField(label=_("Document number"), required=False, max_length=50)
    title = forms.CharField(label=_("Title"), max_length=100)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 10}))
    units: forms.ModelMultipleChoiceField[Unit] = forms.ModelMultipleChoiceField(
        label=_("Stations"), queryset=None, widget=forms.CheckboxSelectMultiple
    )


class ItemForm(StyledForm):
    what = forms.CharField(label=_("What"), max_length=200)
    who = forms.CharField(label=_("Who"), max_length=50)
    when = forms.DateField(
        label=_("When"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )


class CommentForm(StyledForm):
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))


class ReportForm(StyledForm):
    thinking = forms.CharField(label=_("Staff thinking"), required=False, widget=TEXT)
    activities = forms.CharField(label=_("Activities held"), required=False, widget=TEXT)
    problems = forms.CharField(label=_("Problems"), required=False, widget=TEXT)
    next_steps = forms.CharField(label=_("Next steps"), required=False, widget=TEXT)


class ReviewForm(StyledForm):
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

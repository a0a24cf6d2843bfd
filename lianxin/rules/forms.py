from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from lianxin.core.forms import StyledForm
from lianxin.org.models import Unit

if TYPE_CHECKING:
    from .models import Regulation

TEXT_HELP = _(
    "Paste the document: chapters as 第一章 总则, each article starting 第一条 ...; each further "
    "line of an article is a paragraph (款)."
)


class RegulationForm(StyledForm):
    title = forms.CharField(label=_("Title"), max_length=100)
    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        help_text=_("Used in links, e.g. zuofeng-guiding; cannot be changed later."),
    )


class VersionForm(StyledForm):
    issued_by = forms.ModelChoiceField(
        label=_("Issuing unit"),
        queryset=Unit.objects.none(),
        empty_label=_("Choose the issuing unit…"),
    )
    applies_to = forms.ModelChoiceField(
        label=_("Applies to the cadres of"),
        queryset=Unit.objects.none(),
        empty_label=_("Choose the unit whose cadres it binds…"),
    )
    document_no = forms.CharField(label=_("Document number"), max_length=60, required=False)
    effective_date = forms.DateField(
        label=_("Effective date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    text = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 18}), help_text=TEXT_HELP
    )

    def __init__(self, *args, root=None, draft=False, **kwargs):
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(path__startswith=root.path, is_active=True) if root else []
        self.fields["issued_by"].queryset = units
        self.fields["applies_to"].queryset = units
        if draft:  # the units of an existing draft stay as they are
            del self.fields["issued_by"]
            del self.fields["applies_to"]


class BookletForm(StyledForm):
    regulations: forms.ModelMultipleChoiceField[Regulation] = forms.ModelMultipleChoiceField(
        label=_("Regulations"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    title = forms.CharField(label=_("Title of the booklet"), max_length=60)

    def __init__(self, *args, root=None, **kwargs):
        from .models import Regulation

        super().__init__(*args, **kwargs)
        self.fields["regulations"].queryset = Regulation.objects.filter(
            root=root, versions__status="in_force"
        ).order_by("code")

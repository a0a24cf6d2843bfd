from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lianxin.cases.models import Category
from lianxin.core.forms import StyledForm
from lianxin.org.models import Unit


class RuleForm(StyledForm):
    keyword = forms.CharField(label=_("Keyword"), max_length=50)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none(), required=False)
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.none(), required=False
    )
    priority = forms.IntegerField(label=_("Priority (1-10)"), min_value=1, max_value=10, initial=5)

    def __init__(self, *args, root, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(
            path__startswith=root.path, is_active=True
        ).order_by("path")
        self.fields["category"].queryset = Category.objects.filter(root=root, is_active=True)


class SectionForm(StyledForm):
    route = forms.CharField(label=_("Route code"), max_length=20, required=False)
    start = forms.CharField(label=_("From stake"), max_length=12, required=False)
    end = forms.CharField(label=_("To stake"), max_length=12, required=False)
    places = forms.CharField(label=_("Towns and villages"), max_length=300, required=False)
    station = forms.ModelChoiceField(label=_("Station responsible"), queryset=Unit.objects.none())

    def __init__(self, *args, root, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["station"].queryset = Unit.objects.filter(
            path__startswith=root.path, is_active=True
        ).order_by("path")


class RegisterImportForm(StyledForm):
    file = forms.FileField(
        label=_("Register (.xlsx)"),
        help_text=_("Columns: 路线编号, 起点桩号, 止点桩号, 乡镇村, 负责站所 (name or code)."),
    )

"""Workbench pages that set up the register: categories and time limits (administrators),
a unit's common answers (常用答复)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lianxin.core.forms import StyledForm, limit_choices, run_action
from lianxin.core.views import staff_required
from lianxin.org import access as org_access
from lianxin.org.models import Unit
from lianxin.org.queries import units_under

from . import access, actions, deadlines, extensions, queries
from .forms import TemplateForm
from .models import Category, Kind


class CategoryForm(StyledForm):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=50)
    default_unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        label=gettext_lazy("Usual unit"), required=False, queryset=None
    )
    sort_order = forms.IntegerField(label=gettext_lazy("Order"), initial=0, min_value=0)


class LimitForm(StyledForm):
    category: forms.ModelChoiceField[Category] = forms.ModelChoiceField(
        label=gettext_lazy("Category"),
        required=False,
        queryset=None,
        empty_label=gettext_lazy("any category"),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        required=False,
        choices=[("", gettext_lazy("any kind"))] + list(Kind.choices),
    )
    urgent = forms.BooleanField(label=gettext_lazy("Urgent"), required=False)
    accept_hours = forms.IntegerField(label=gettext_lazy("Accept within (hours)"), required=False)
    accept_workdays = forms.IntegerField(
        label=gettext_lazy("Accept within (working days)"), required=False
    )
    reply_hours = forms.IntegerField(label=gettext_lazy("Reply within (hours)"), required=False)
    reply_workdays = forms.IntegerField(
        label=gettext_lazy("Reply within (working days)"), required=False
    )


def _admin_root(request):
    root = org_access.home_root_or_404(request.user)
    if not access.may_set_up(request.user, root):
        raise PermissionDenied
    return root


@staff_required
def register_setup(request: HttpRequest) -> HttpResponse:
    root = _admin_root(request)
    category_form = CategoryForm(prefix="category")
    limit_form = LimitForm(prefix="limit")
    if request.method == "POST":
        if "category-name" in request.POST:
            category_form = CategoryForm(request.POST, prefix="category")
            limit_choices(category_form, "default_unit", units_under(root))
            if category_form.is_valid():
                d = category_form.cleaned_data
                if run_action(
                    category_form,
                    lambda: actions.category_save(root=root, actor=request.user, **d),
                ):
                    messages.success(request, _("Saved."))
                    return redirect("workbench:register_setup")
        else:
            limit_form = LimitForm(request.POST, prefix="limit")
            limit_choices(limit_form, "category", queries.categories_of(root))
            if limit_form.is_valid():
                d = limit_form.cleaned_data
                if run_action(
                    limit_form,
                    lambda: actions.time_limit_set(root=root, actor=request.user, **d),
                ):
                    messages.success(request, _("Saved."))
                    return redirect("workbench:register_setup")
    limit_choices(category_form, "default_unit", units_under(root))
    limit_choices(limit_form, "category", queries.categories_of(root))
    rule = extensions.rule_of(root.pk)
    defaults = [
        (Kind(kind).label, deadlines.default_limits(kind, False).reply_workdays)
        for kind in Kind.values
    ]
    return render(
        request,
        "cases/setup.html",
        {
            "root": root,
            "categories": queries.categories_of(root),
            "limits": queries.time_limits_of(root),
            "category_form": category_form,
            "limit_form": limit_form,
            "defaults": defaults,
            "extension_form": ExtensionRuleForm(
                initial={
                    "dispatchers": rule.dispatchers,
                    "supervisors": rule.supervisors,
                    "leaders_above": rule.leaders_above,
                }
            ),
        },
        status=400 if category_form.errors or limit_form.errors else 200,
    )


@require_POST
@staff_required
def category_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    root = _admin_root(request)
    category = queries.category_of(root, pk)
    if category is None:
        raise Http404
    actions.category_save(
        root=root,
        name=category.name,
        default_unit=category.default_unit,
        sort_order=category.sort_order,
        is_active=not category.is_active,
        category=category,
        actor=request.user,
    )
    return redirect("workbench:register_setup")


@require_POST
@staff_required
def limit_delete(request: HttpRequest, pk: int) -> HttpResponse:
    root = _admin_root(request)
    limit = queries.time_limit_of(root, pk)
    if limit is None:
        raise Http404
    actions.time_limit_delete(limit=limit, actor=request.user)
    return redirect("workbench:register_setup")


@staff_required
def unit_templates(request: HttpRequest, pk: int) -> HttpResponse:
    unit = org_access.access_unit(request.user, pk)
    may_edit = access.may_edit_templates(request.user, unit)
    root_id = unit.root_id
    form = TemplateForm(request.POST or None, root=unit if unit.parent_id is None else None)
    limit_choices(form, "category", queries.active_categories_of(root_id))
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            d = form.cleaned_data
            if run_action(
                form, lambda: actions.reply_template_save(unit=unit, actor=request.user, **d)
            ):
                messages.success(request, _("Saved."))
                return redirect("workbench:unit_templates", unit.pk)
    return render(
        request,
        "cases/templates.html",
        {
            "unit": unit,
            "templates": queries.reply_templates_of(unit),
            "form": form,
            "may_edit": may_edit,
        },
        status=400 if form.errors else 200,
    )


@require_POST
@staff_required
def template_delete(request: HttpRequest, pk: int) -> HttpResponse:
    template = access.access_reply_template(request.user, pk, write=True)
    actions.reply_template_delete(template=template, actor=request.user)
    return redirect("workbench:unit_templates", template.unit_id)


class ExtensionRuleForm(StyledForm):
    dispatchers = forms.BooleanField(
        label=gettext_lazy("Dispatchers of the organisation"), required=False
    )
    supervisors = forms.BooleanField(
        label=gettext_lazy("Supervisors of the organisation"), required=False
    )
    leaders_above = forms.BooleanField(
        label=gettext_lazy("Leaders of the units above the lead unit"), required=False
    )


@require_POST
@staff_required
def extension_rule(request: HttpRequest) -> HttpResponse:
    """Who decides extensions (never the unit whose deadline moves)."""
    from lianxin.core.forms import try_action

    root = _admin_root(request)
    form = ExtensionRuleForm(request.POST)
    form.is_valid()
    if try_action(
        request,
        lambda: actions.extension_rule_set(root=root, actor=request.user, **form.cleaned_data),
    ):
        messages.success(request, _("Saved."))
    return redirect("workbench:register_setup")

"""Routing pages: suggestions and duplicates while typing (htmx), on the dispatcher's case
page (htmx), the setup page of keyword rules and road sections, and the hotspots."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianxin.cases import access as case_access
from lianxin.cases import workflow as wf
from lianxin.core import clock, months
from lianxin.core.forms import run_action, try_action
from lianxin.core.views import staff_required

from . import access, actions, forms, hotspots, queries

# The hints (suggest, duplicates, training) use numpy and scikit-learn: imported by the two
# views that need them, so that loading the URLs does not load the models' libraries.

MAX_REGISTER_BYTES = 5 * 1024 * 1024


def _digits(value: str) -> str:
    return "".join(ch for ch in value or "" if ch.isdigit() or ch == "-")[:20]


@staff_required
def entry_hints(request: HttpRequest) -> HttpResponse:
    """htmx, fast entry: suggested units and categories, and near-duplicates, for the text
    being typed."""
    from . import duplicates, suggest
    from .training import case_text

    root = access.root_for(request.user, access.may_suggest)
    content = request.GET.get("content", "")[:5000]
    place = request.GET.get("place", "")[:200]
    text = case_text("", content, place)
    hints = suggest.suggest(root, text) if len(text.strip()) >= 2 else None
    dups = duplicates.find(
        root.pk, content, place=place, phone=_digits(request.GET.get("citizen_phone", ""))
    )
    return render(request, "routing/_hints.html", {"hints": hints, "dups": dups, "entry": True})


@staff_required
def case_hints(request: HttpRequest, code: str) -> HttpResponse:
    """htmx, the case page: suggestions and merge candidates for the dispatcher."""
    from . import duplicates, suggest
    from .training import case_text

    case, roles = case_access.access_case(request.user, code)
    if not ({wf.DISPATCHER, wf.OPERATOR} & roles):
        raise Http404
    text = case_text(case.title, case.content, case.place)
    hints = suggest.suggest(case.root, text)
    dups = (
        duplicates.find(
            case.root_id,
            case.content,
            place=case.place,
            phone=case.citizen_phone,
            exclude_id=case.pk,
        )
        if case.status == wf.R
        else []
    )
    return render(
        request,
        "routing/_hints.html",
        {"hints": hints, "dups": dups, "case": case, "may_merge": wf.DISPATCHER in roles},
    )


@staff_required
def setup(request: HttpRequest) -> HttpResponse:
    root = access.root_for(request.user, access.may_set_up)
    rule_form = forms.RuleForm(
        request.POST if request.POST.get("form") == "rule" else None, root=root
    )
    section_form = forms.SectionForm(
        request.POST if request.POST.get("form") == "section" else None, root=root
    )
    import_form = forms.RegisterImportForm(
        request.POST if request.POST.get("form") == "import" else None,
        request.FILES if request.POST.get("form") == "import" else None,
    )
    if request.method == "POST":
        if request.POST.get("form") == "import" and import_form.is_valid():
            upload = import_form.cleaned_data["file"]
            if upload.size > MAX_REGISTER_BYTES:
                import_form.add_error("file", _("The file is larger than 5 MB."))
            else:
                n = run_action(
                    import_form,
                    lambda: actions.sections_import(
                        root=root, data=upload.read(), actor=request.user
                    ),
                )
                if n:
                    messages.success(request, _("%(n)s road sections added.") % {"n": n})
                    return redirect("workbench:routing_setup")
        if request.POST.get("form") == "rule" and rule_form.is_valid():
            d = rule_form.cleaned_data
            if run_action(rule_form, lambda: actions.rule_save(root=root, actor=request.user, **d)):
                messages.success(request, _("Saved."))
                return redirect("workbench:routing_setup")
        if request.POST.get("form") == "section" and section_form.is_valid():
            d = section_form.cleaned_data
            saved = run_action(
                section_form,
                lambda: actions.section_save(
                    root=root,
                    station=d["station"],
                    route=d["route"],
                    start=d["start"],
                    end=d["end"],
                    place_names=d["places"],
                    actor=request.user,
                ),
            )
            if saved:
                messages.success(request, _("Saved."))
                return redirect("workbench:routing_setup")
    bad = rule_form.errors or section_form.errors or import_form.errors
    return render(
        request,
        "routing/setup.html",
        {
            "rule_form": rule_form,
            "section_form": section_form,
            "import_form": import_form,
            "rules": queries.rules(root),
            "sections": queries.sections(root),
            "trained": queries.trained(root),
        },
        status=400 if bad else 200,
    )


@require_POST
@staff_required
def rule_delete(request: HttpRequest, pk: int) -> HttpResponse:
    root = access.root_for(request.user, access.may_set_up)
    rule = queries.rule_of(root, pk)
    if rule is None:
        raise Http404
    try_action(request, lambda: actions.rule_delete(rule=rule, actor=request.user))
    return redirect("workbench:routing_setup")


@require_POST
@staff_required
def section_delete(request: HttpRequest, pk: int) -> HttpResponse:
    root = access.root_for(request.user, access.may_set_up)
    section = queries.section_of(root, pk)
    if section is None:
        raise Http404
    try_action(request, lambda: actions.section_delete(section=section, actor=request.user))
    return redirect("workbench:routing_setup")


def _month(value: str) -> date:
    """The month asked for (YYYY-MM), else this month (also for a year out of the calendar,
    whose neighbouring months do not exist)."""
    return months.parse(value) or hotspots.month_start(timezone.localdate(clock.now()))


@staff_required
def hotspot_page(request: HttpRequest) -> HttpResponse:
    root = access.root_for(request.user, access.may_see_hotspots)
    month = _month(request.GET.get("month", ""))
    data = hotspots.hotspots(root, month)
    return render(
        request,
        "routing/hotspots.html",
        {
            "data": data,
            "prev": hotspots.add_months(month, -1),
            "next": hotspots.add_months(month, 1),
            "may_make": access.may_make_problem(request.user, root),
        },
    )


@require_POST
@staff_required
def hotspot_problem(request: HttpRequest) -> HttpResponse:
    root = access.root_for(request.user, access.may_see_hotspots)
    if not access.may_make_problem(request.user, root):
        raise Http404
    month = _month(request.POST.get("month", ""))
    try:
        category_id = int(request.POST.get("category", ""))
    except ValueError:
        category_id = 0
    problem = try_action(
        request,
        lambda: actions.month_problem_make(
            root=root,
            month=month,
            category_id=category_id,
            place=request.POST.get("place", "")[:100],
            actor=request.user,
        ),
    )
    if problem is None:
        return redirect(f"{request.path.rsplit('problem/', 1)[0]}?month={month:%Y-%m}")
    return redirect("workbench:case_detail", problem.code)

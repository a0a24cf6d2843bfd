"""Workbench pages of cases: queues, fast entry, the case page and its steps."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lianxin.core import clock, export_views, files
from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError
from lianxin.core.forms import run_action
from lianxin.core.views import staff_required
from lianxin.org import access as org_access
from lianxin.org.models import Unit

from . import access, actions, codes, deadlines, forms, queries, steps, warnings
from . import workflow as wf
from .models import Case, Kind
from .text import masked_contact, waited

PAGE_SIZE = 50
WAITING = (wf.R, wf.D, wf.P)  # the citizen still waits for a reply


def _root(request) -> Unit:
    return org_access.home_root_or_404(request.user)


def _filter_from(request, root) -> tuple[forms.FilterForm, queries.CaseFilter]:
    return forms.filter_from(request.GET, root)


TABS = [
    ("all", gettext_lazy("All cases")),
    ("incoming", gettext_lazy("Incoming")),
    ("mine", gettext_lazy("My cases")),
    ("review", gettext_lazy("To decide")),
    ("supervised", gettext_lazy("Supervised")),
    ("problems", gettext_lazy("Internal problems")),
]


@staff_required
def case_queue(request: HttpRequest) -> HttpResponse:
    root = _root(request)
    form, f = _filter_from(request, root)
    shown_tabs = access.queue_tabs(request.user, root)
    page = queries.case_page(
        request.user,
        root,
        f,
        after=request.GET.get("after", ""),
        before=request.GET.get("before", ""),
        size=PAGE_SIZE,
        warned=warnings.warned(),
    )
    at = clock.now()
    soon = deadlines.due_soon_limit(at)
    for case in page:
        working = case.status in (wf.D, wf.P)
        case.badge = deadlines.badge(case.reply_due, at, soon) if working else ""
        case.waited = waited(at - case.received_at) if case.status in WAITING else ""
    params = request.GET.copy()
    for key in ("page", "after", "before"):
        params.pop(key, None)
    return render(
        request,
        "cases/queue.html",
        {
            "root": root,
            "form": form,
            "page": page,
            "tab": f.tab,
            "tabs": [(k, label) for k, label in TABS if k in shown_tabs or k == f.tab],
            "params": params.urlencode(),
            "filters_on": sum(1 for name in form.fields if request.GET.get(name)),
            "returns": queries.return_counts(root, at - timedelta(days=30))
            if f.tab == "incoming"
            else [],
            "declined": queries.decline_counts(root, at - timedelta(days=30))
            if f.tab == "incoming"
            else [],
            # the buttons of the tools, for those whose pages would open (no 403 dead ends)
            "may_enter": access.may_enter(request.user, root),
            "may_import": access.may_import(request.user, root),
            "may_set_up": access.may_set_up(request.user, root),
        },
        status=400 if f.nothing else 200,
    )


@require_POST
@staff_required
def case_export(request: HttpRequest) -> HttpResponse:
    """The register with the queue's filters, written in the background (core.exportjobs)."""
    return export_views.start(request, "cases")


RECEIPT = "cases.entry_receipt"


@staff_required
def case_entry(request: HttpRequest) -> HttpResponse:
    """The operator's fast entry: a call is typed in and saved in seconds."""
    root = _root(request)
    if not access.may_enter(request.user, root):
        raise PermissionDenied
    form = forms.EntryForm(
        request.POST or None, root=root, initial={"submit_token": codes.new_token()}
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data

        def receive():
            with transaction.atomic():
                case, secret = actions.case_receive(
                    root=root,
                    kind=d["kind"],
                    channel=d["channel"],
                    category=d["category"],
                    content=d["content"],
                    place=d["place"],
                    citizen_name=d["citizen_name"],
                    citizen_phone=d["citizen_phone"],
                    is_public=d["is_public"],
                    urgent=d["urgent"],
                    submit_token=d["submit_token"],
                    actor=request.user,
                )
                if d["answer"].strip() and case.status == wf.R:
                    if d["kind"] != Kind.CONSULT:
                        raise ApplicationError(
                            _("Only consultations are answered on the spot."), field="answer"
                        )
                    case = actions.case_answer(case=case, reply=d["answer"], actor=request.user)
                return case, secret

        result = run_action(form, receive)
        if result is not None:
            case, secret = result
            # Shown once, on the page the redirect leads to: kept in the (server-side)
            # session, not in a message cookie, and dropped as soon as it is shown.
            request.session[RECEIPT] = {
                "code": case.code,
                "secret": secret,
                "answered": bool(case.direct_answer),
            }
            return redirect("workbench:case_entry")
    status = 400 if form.errors else 200
    receipt = request.session.pop(RECEIPT, None) if request.method == "GET" else None
    return render(
        request,
        "cases/entry.html",
        {"form": form, "root": root, "receipt": receipt},
        status=status,
    )


@staff_required
def case_caller(request: HttpRequest) -> HttpResponse:
    """htmx: the earlier cases of the phone number being typed."""
    root = _root(request)
    if not access.may_enter(request.user, root):
        raise PermissionDenied
    phone = "".join(ch for ch in request.GET.get("citizen_phone", "") if ch.isdigit() or ch == "-")
    cases = queries.caller_history(root, phone) if len(phone) >= 7 else []
    return render(request, "cases/_caller.html", {"cases": cases, "phone": phone})


@staff_required
def case_knowledge(request: HttpRequest) -> HttpResponse:
    """htmx: answers from the knowledge base for the words typed."""
    root = _root(request)
    hits = queries.knowledge(root, request.GET.get("kq", "") or request.GET.get("content", ""))
    return render(request, "cases/_knowledge.html", {"hits": hits})


@staff_required
def problem_new(request: HttpRequest) -> HttpResponse:
    root = _root(request)
    form = forms.ProblemForm(
        request.POST or None, root=root, initial={"submit_token": codes.new_token()}
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        result = run_action(
            form,
            lambda: actions.case_receive(
                root=root,
                kind=Kind.PROBLEM,
                channel=d["channel"],
                category=d["category"],
                title=d["title"],
                content=d["content"],
                place=d["place"],
                submit_token=d["submit_token"],
                actor=request.user,
            ),
        )
        if result is not None:
            messages.success(request, _("Problem %(code)s registered.") % {"code": result[0].code})
            return redirect("workbench:case_detail", result[0].code)
    return render(
        request, "cases/problem_new.html", {"form": form}, status=400 if form.errors else 200
    )


@staff_required
def problem_list(request: HttpRequest, pk: int) -> HttpResponse:
    unit = org_access.access_unit(request.user, pk)
    rows = list(queries.problem_list(request.user, unit))
    at = clock.now()
    soon = deadlines.due_soon_limit(at)
    for case in rows:
        working = case.status in (wf.D, wf.P)
        case.badge = deadlines.badge(case.reply_due, at, soon) if working else ""
    return render(request, "cases/problem_list.html", {"unit": unit, "cases": rows})


# ---------------------------------------------------------------- the case page


def _shown_steps(case: Case, roles) -> list[str]:
    """The steps on the page: those declared with a form that the roles may take now."""
    return [step.name for step in steps.offered(case, roles, on="page")]


def _detail(request, case: Case, roles, bound=None, status=200):
    at = clock.now()
    forms_by_name = {name: steps.STEPS[name].form_for(case) for name in _shown_steps(case, roles)}
    if bound is not None:
        forms_by_name[bound[0]] = bound[1]
    answering = "reply" in forms_by_name or "answer" in forms_by_name
    templates = queries.reply_templates_for(case) if answering else []
    events = queries.timeline(case)
    replies = [e for e in events if e.action in ("reply", "answer")]
    return render(
        request,
        "cases/detail.html",
        {
            "case": case,
            "roles": roles,
            "events": events,
            "reply_files": replies[-1].files if replies else [],
            "co_units": queries.co_units_of(case),
            "action_forms": forms_by_name,
            "contact": masked_contact(case),
            "may_see_contact": access.sees_contact(request.user, case, roles),
            "badge": deadlines.badge(case.reply_due, at) if case.status in (wf.D, wf.P) else "",
            "warned": warnings.is_warned(case),
            "extension": queries.pending_extension(case),
            "appeal": queries.pending_appeal(case),
            "duplicates": queries.duplicates_of(case),
            "templates": templates,
        },
        status=status,
    )


@staff_required
def case_detail(request: HttpRequest, code: str) -> HttpResponse:
    case, roles = access.access_case(request.user, code)
    return _detail(request, case, roles)


@require_POST
@staff_required
def case_act(request: HttpRequest, code: str, name: str) -> HttpResponse:
    case, roles = access.access_case(request.user, code)
    step = steps.STEPS.get(name)
    if step is None or step.form is None:
        raise Http404
    form = step.form_for(case, request.POST, request.FILES)
    actor = Actor.user(request.user)
    if (
        form.is_valid()
        and run_action(form, lambda: step.take(case, form.cleaned_data, actor)) is not None
    ):
        messages.success(request, _("Done."))
        return redirect("workbench:case_detail", case.code)
    case, roles = access.access_case(request.user, code)
    return _detail(request, case, roles, bound=(name, form), status=400)


@staff_required
def case_file(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """A photo or PDF of the case, for those who may see the case (others 404)."""
    case, _roles = access.access_case(request.user, code)
    a = queries.attachment_of(case, pk)
    return files.response(sha256=a.sha256, content_type=a.content_type, name=a.name)


@require_POST
@staff_required
def case_contact(request: HttpRequest, code: str) -> HttpResponse:
    """htmx: the citizen's full contact details, for those entitled; each view recorded."""
    case, roles = access.access_case(request.user, code)
    if not access.sees_contact(request.user, case, roles):
        raise PermissionDenied
    contact = actions.case_contact_view(case=case, actor=request.user)
    return render(request, "cases/_contact.html", {"contact": contact, "full": True})

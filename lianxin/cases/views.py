"""Workbench pages of cases: queues, fast entry, the case page and its steps."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lianxin.core import clock, export_views, files
from lianxin.core.errors import ApplicationError
from lianxin.core.forms import run_action
from lianxin.core.views import staff_required
from lianxin.org import access as org_access
from lianxin.org.models import Role, Unit

from . import access, actions, codes, deadlines, forms, queries, warnings
from . import workflow as wf
from .models import Case, Kind
from .run import run_step
from .text import masked_contact

PAGE_SIZE = 50


def _root(request) -> Unit:
    root = org_access.home_root(request.user)
    if root is None:
        raise Http404
    return root


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
    rows = queries.case_list(request.user, root, f).annotate(warned=warnings.warned())
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    at = clock.now()
    soon = deadlines.due_soon_limit(at)
    for case in page:
        working = case.status in (wf.D, wf.P)
        case.badge = deadlines.badge(case.reply_due, at, soon) if working else ""
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "cases/queue.html",
        {
            "root": root,
            "form": form,
            "page": page,
            "tab": f.tab,
            "tabs": TABS,
            "params": params.urlencode(),
            "returns": queries.return_counts(root, at - timedelta(days=30))
            if f.tab == "incoming"
            else [],
            "declined": queries.decline_counts(root, at - timedelta(days=30))
            if f.tab == "incoming"
            else [],
        },
        status=400 if f.nothing else 200,
    )


@require_POST
@staff_required
def case_export(request: HttpRequest) -> HttpResponse:
    """The register with the queue's filters, written in the background (core.exportjobs)."""
    return export_views.start(request, "cases")


def _entry_roles(user, root) -> bool:
    grants = access.grants_of(user)
    return user.is_superuser or any(
        r in (Role.OPERATOR, Role.DISPATCHER) and root.path and p.startswith(root.path)
        for r, p in grants
    )


@staff_required
def case_entry(request: HttpRequest) -> HttpResponse:
    """The operator's fast entry: a call is typed in and saved in seconds."""
    root = _root(request)
    if not _entry_roles(request.user, root):
        raise PermissionDenied
    form = forms.EntryForm(
        request.POST or None, root=root, initial={"submit_token": codes.new_token()}
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data

        def receive():
            with transaction.atomic():
                case, _secret = actions.case_receive(
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
                return case

        case = run_action(form, receive)
        if case is not None:
            messages.success(
                request,
                _("Case %(code)s saved.") % {"code": case.code}
                + (" " + _("Answered on the spot and closed.") if case.direct_answer else ""),
            )
            return redirect("workbench:case_entry")
    status = 400 if form.errors else 200
    return render(request, "cases/entry.html", {"form": form, "root": root}, status=status)


@staff_required
def case_caller(request: HttpRequest) -> HttpResponse:
    """htmx: the earlier cases of the phone number being typed."""
    root = _root(request)
    if not _entry_roles(request.user, root):
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


def _shown_actions(case: Case, roles) -> list[str]:
    names = []
    for name in wf.available(case, roles):
        if name in ("rate", "rate_unsatisfied"):
            name = "callback"
        if name in forms.STEP_FORMS and name not in names:
            names.append(name)
    if "decide_extension" in names and queries.pending_extension(case) is None:
        names.remove("decide_extension")
    if "decide_appeal" in names and queries.pending_appeal(case) is None:
        names.remove("decide_appeal")
    if "confirm" in names and not case.review_pending:
        names.remove("confirm")
    if case.paused_at:
        names = [n for n in names if n not in ("pause", "reply", "request_extension")]
    elif "resume" in names:
        names.remove("resume")
    if case.rated_at is None or case.rating is None or case.rating > 2 or case.appeals.exists():
        names = [n for n in names if n != "appeal"]
    return names


def _detail(request, case: Case, roles, bound=None, status=200):
    at = clock.now()
    forms_by_name = {name: forms.step_form(name, case) for name in _shown_actions(case, roles)}
    if bound is not None:
        forms_by_name[bound[0]] = bound[1]
    templates = []
    if "reply" in forms_by_name or "answer" in forms_by_name:
        from .models import ReplyTemplate

        unit_ids = case.lead_unit.ancestor_ids if case.lead_unit_id else [case.root_id]
        templates = ReplyTemplate.objects.filter(unit_id__in=unit_ids).filter(
            models_q_category(case)
        )
    return render(
        request,
        "cases/detail.html",
        {
            "case": case,
            "roles": roles,
            "events": queries.timeline(case),
            "co_units": case.co_units.all(),
            "action_forms": forms_by_name,
            "contact": masked_contact(case),
            "may_see_contact": access.sees_contact(request.user, case, roles),
            "badge": deadlines.badge(case.reply_due, at) if case.status in (wf.D, wf.P) else "",
            "warned": warnings.is_warned(case),
            "extension": queries.pending_extension(case),
            "appeal": queries.pending_appeal(case),
            "duplicates": case.duplicates.all(),
            "templates": templates,
        },
        status=status,
    )


def models_q_category(case):
    from django.db.models import Q

    return Q(category__isnull=True) | Q(category=case.category_id)


@staff_required
def case_detail(request: HttpRequest, code: str) -> HttpResponse:
    case, roles = access.access_case(request.user, code)
    return _detail(request, case, roles)


@require_POST
@staff_required
def case_act(request: HttpRequest, code: str, name: str) -> HttpResponse:
    case, roles = access.access_case(request.user, code)
    if name not in forms.STEP_FORMS:
        raise Http404
    form = forms.step_form(name, case, request.POST, request.FILES)
    if (
        form.is_valid()
        and run_action(form, lambda: run_step(name, case, form.cleaned_data, request.user))
        is not None
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

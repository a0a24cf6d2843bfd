"""Workbench pages of services: services and guides (with versions and a diff), commitments,
the register of requests and each request's steps."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lianxin.core import clock, deadlines, export_views
from lianxin.core.forms import run_action, try_action
from lianxin.core.months import parse as parse_month
from lianxin.core.text import line_diff
from lianxin.core.views import staff_required
from lianxin.org.queries import units_under

from . import access, actions, forms, queries
from .models import GuideVersion

MATERIAL_ROWS = 8


@staff_required
def services(request: HttpRequest) -> HttpResponse:
    root = access.root_of(request.user)
    editor = access.may_edit(request.user, root)
    service_form = forms.ServiceForm(request.POST if "name" in request.POST else None)
    service_form.fields["unit"].queryset = units_under(root)
    commitment_form = forms.CommitmentForm(request.POST if "text" in request.POST else None)
    commitment_form.fields["service"].queryset = queries.services_of(root)
    if request.method == "POST":
        if not editor:
            raise PermissionDenied
        for form, call in (
            (service_form, lambda d: actions.service_save(root=root, actor=request.user, **d)),
            (
                commitment_form,
                lambda d: actions.commitment_save(root=root, actor=request.user, **d),
            ),
        ):
            if (
                form.is_bound
                and form.is_valid()
                and run_action(form, lambda f=form, c=call: c(f.cleaned_data))
            ):
                messages.success(request, _("Saved."))
                return redirect("workbench:services")
    service_list = list(queries.services_of(root))
    guides = queries.published_guides(service_list)
    for s in service_list:
        s.guide = guides.get(s.pk)
    return render(
        request,
        "catalog/services.html",
        {
            "services": service_list,
            "performance": queries.performance(root),
            "editor": editor,
            "service_form": service_form,
            "commitment_form": commitment_form,
        },
        status=400 if service_form.errors or commitment_form.errors else 200,
    )


def _materials_from(post) -> list[dict]:
    rows = []
    for i in range(MATERIAL_ROWS):
        rows.append(
            {
                "name": post.get(f"m{i}-name", ""),
                "original": post.get(f"m{i}-original") == "on",
                "copies": post.get(f"m{i}-copies") or 0,
                "note": post.get(f"m{i}-note", ""),
            }
        )
    return rows


@staff_required
def service_detail(request: HttpRequest, pk: int) -> HttpResponse:
    service = access.access_service(request.user, pk)
    editor = access.may_edit(request.user, service.root)
    versions = queries.guide_versions(service)
    draft = next((v for v in versions if v.state == GuideVersion.State.DRAFT), None)
    form = forms.GuideForm(
        request.POST if request.POST.get("do") == "save" else None,
        initial={f: getattr(draft, f) for f in forms.GuideForm.base_fields} if draft else None,
    )
    if request.method == "POST":
        if not editor:
            raise PermissionDenied
        what = request.POST.get("do")
        if what == "draft":
            actions.guide_draft(service=service, actor=request.user)
            return redirect("workbench:service_detail", service.pk)
        if what == "save" and draft and form.is_valid():
            fields = {k: v for k, v in form.cleaned_data.items()}
            fields["materials"] = _materials_from(request.POST)
            if run_action(
                form, lambda: actions.guide_update(guide=draft, actor=request.user, **fields)
            ):
                messages.success(request, _("Saved."))
                return redirect("workbench:service_detail", service.pk)
        if (
            what == "publish"
            and draft
            and try_action(request, lambda: actions.guide_publish(guide=draft, actor=request.user))
        ):
            messages.success(request, _("Published."))
            return redirect("workbench:service_detail", service.pk)
    materials = list(draft.materials) if draft else []
    materials += [{}] * (MATERIAL_ROWS - len(materials))
    diff = None
    a, b = request.GET.get("a"), request.GET.get("b")
    if a and b:
        va = next((v for v in versions if str(v.number) == a), None)
        vb = next((v for v in versions if str(v.number) == b), None)
        if va and vb:
            diff = guide_diff(va, vb)
    return render(
        request,
        "catalog/service.html",
        {
            "service": service,
            "versions": versions,
            "draft": draft,
            "form": form,
            "editor": editor,
            "materials": list(enumerate(materials[:MATERIAL_ROWS])),
            "diff": diff,
            "a": a,
            "b": b,
            "current": next((v for v in versions if v.state == GuideVersion.State.PUBLISHED), None),
        },
        status=400 if request.method == "POST" else 200,
    )


def _guide_lines(v: GuideVersion) -> list[str]:
    lines = []
    for name in (
        "conditions",
        "steps",
        "fees",
        "fee_basis",
        "legal_basis",
        "place",
        "hours",
        "consult_phone",
        "complaint_phone",
    ):
        label = GuideVersion._meta.get_field(name).verbose_name
        lines += [f"【{label}】"] + (getattr(v, name) or "").splitlines()
    lines.append(f"【{GuideVersion._meta.get_field('materials').verbose_name}】")
    for m in v.materials:
        lines.append(
            " ".join(
                [
                    m["name"],
                    "原件" if m.get("original") else "",
                    str(m.get("copies", 0)),
                    m.get("note", ""),
                ]
            )
            .replace("  ", " ")
            .strip()
        )
    for name in ("legal_workdays", "promised_workdays", "visits"):
        lines.append(f"【{GuideVersion._meta.get_field(name).verbose_name}】{getattr(v, name)}")
    return lines


def guide_diff(a: GuideVersion, b: GuideVersion) -> list[tuple[str, str]]:
    """(kind, line) pairs: kind is "+", "-" or " " (what changed from a to b)."""
    return line_diff(_guide_lines(a), _guide_lines(b))


# the register's status filter (queries.request_list reads the values)
STATUSES = [
    ("in_progress", gettext_lazy("in progress")),
    ("paused", gettext_lazy("waiting for materials")),
    ("completed", gettext_lazy("completed")),
    ("overdue", gettext_lazy("overdue")),
]


@staff_required
def requests(request: HttpRequest) -> HttpResponse:
    root = access.root_of(request.user)
    handled = access.handled_services(request.user, root)
    register = forms.RegisterForm(request.POST or None, initial={"submit_token": _token()})
    register.fields["service"].queryset = queries.services_by_pk([s.pk for s in handled])
    if request.method == "POST" and register.is_valid():
        d = register.cleaned_data
        result = run_action(register, lambda: actions.request_register(actor=request.user, **d))
        if result is not None:
            req, secret = result
            messages.success(
                request,
                _("Request %(code)s registered. The applicant's secret for rating: %(secret)s")
                % {"code": req.code, "secret": secret},
            )
            return redirect("workbench:request_detail", req.code)
    month = parse_month(request.GET.get("month"))
    qs = queries.request_list(
        root, status=request.GET.get("status", ""), month=month, q=request.GET.get("q", "").strip()
    )
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    at = clock.now()
    soon = deadlines.due_soon_limit(at)
    for r in page:
        r.badge = deadlines.badge(r.due_at, at, soon) if r.status == "in_progress" else ""
    return render(
        request,
        "catalog/requests.html",
        {
            "page": page,
            "register": register,
            "may_register": bool(handled),
            "month": month,
            "status": request.GET.get("status", ""),
            "statuses": STATUSES,
            "q": request.GET.get("q", ""),
        },
        status=400 if register.errors else 200,
    )


def _token() -> str:
    from lianxin.cases.codes import new_token

    return new_token()


@require_POST
@staff_required
def register_export(request: HttpRequest, month: str) -> HttpResponse:
    """The month's register with the page's filters, written in the background."""
    return export_views.start(request, "service_requests", month=month)


@staff_required
def request_detail(request: HttpRequest, code: str) -> HttpResponse:
    req = access.access_request(request.user, code)
    handles = access.handles(request.user, req.service)
    review = queries.review_of(req)
    return render(
        request,
        "catalog/request.html",
        {
            "req": req,
            "handles": handles,
            "leads": access.leads(request.user, req.service),
            "supervises": access.supervises(request.user, req.service),
            "review": review,
            "materials": req.guide.materials,
            "complete_form": forms.CompleteForm(),
            "badge": deadlines.badge(req.due_at, clock.now())
            if req.status == "in_progress"
            else "",
            "phone": req.applicant_phone
            if handles
            else req.applicant_phone[:3] + "****" + req.applicant_phone[-4:],
        },
    )


@require_POST
@staff_required
def request_step(request: HttpRequest, code: str, step: str) -> HttpResponse:
    req = access.access_request(request.user, code)
    p, u, v = request.POST, request.user, request.POST.get("version")
    review = queries.review_of(req)
    calls = {
        "pause": lambda: actions.request_pause(
            req=req,
            missing=p.getlist("missing") + [p.get("other", "")],
            note=p.get("note", ""),
            actor=u,
            version=v,
        ),
        "resume": lambda: actions.request_resume(req=req, actor=u, version=v),
        "extend": lambda: actions.request_extend(
            req=req,
            workdays=int(p.get("workdays") or 0),
            reason=p.get("reason", ""),
            actor=u,
            version=v,
        ),
        "decide": lambda: actions.request_extension_decide(
            req=req, approve=p.get("approve") == "yes", actor=u, version=v
        ),
        "complete": lambda: actions.request_complete(
            req=req, decision=p.get("decision", ""), note=p.get("note", ""), actor=u, version=v
        ),
        "rectify": lambda: actions.review_rectify(
            review=review, answer=p.get("answer", ""), actor=u
        ),
        "appeal": lambda: actions.review_appeal(review=review, reason=p.get("reason", ""), actor=u),
        "decide_appeal": lambda: actions.review_decide_appeal(
            review=review, uphold=p.get("uphold") == "yes", actor=u
        ),
    }
    if step not in calls or (step in ("rectify", "appeal", "decide_appeal") and review is None):
        raise Http404
    if try_action(request, calls[step]) is not None:
        messages.success(request, _("Saved."))
    return redirect("workbench:request_detail", req.code)

"""Pages of supervision orders (督办单): a case's orders with the forms to issue, answer and
lift them; the list of orders still waiting for feedback."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianxin.cases import access as case_access
from lianxin.cases import workflow as wf
from lianxin.core import clock
from lianxin.core.forms import run_action
from lianxin.core.views import staff_required

from . import actions, forms, queries
from .views import _root


def _page(request, case, roles, *, bound=None, status=200):
    orders = queries.orders_of(case)
    waiting = next((o for o in orders if not o.feedback_at and not o.lifted_at), None)
    flagged = next((o for o in orders if o.flagged and not o.lifted_at), None)
    shown = {}
    if wf.SUPERVISOR in roles and waiting is None and case.status in (wf.D, wf.P):
        shown["issue"] = forms.OrderForm()
    if waiting and roles & {wf.HANDLER, wf.UNIT_LEADER}:
        shown["feedback"] = forms.FeedbackForm()
    if flagged and wf.SUPERVISOR in roles:
        shown["lift"] = forms.LiftForm()
    if bound:
        shown[bound[0]] = bound[1]
    return render(
        request,
        "supervision/orders.html",
        {"case": case, "orders": orders, "step_forms": shown, "now": clock.now()},
        status=status,
    )


@staff_required
def case_orders(request: HttpRequest, code: str) -> HttpResponse:
    case, roles = case_access.access_case(request.user, code)
    return _page(request, case, roles)


FORMS = {"issue": forms.OrderForm, "feedback": forms.FeedbackForm, "lift": forms.LiftForm}


@require_POST
@staff_required
def case_order_step(request: HttpRequest, code: str, name: str) -> HttpResponse:
    case, roles = case_access.access_case(request.user, code)
    if name not in FORMS:
        raise Http404
    form = FORMS[name](request.POST)
    order = queries.open_order(case, name)
    if name != "issue" and order is None:
        raise Http404
    if form.is_valid():
        d = form.cleaned_data
        calls = {
            "issue": lambda: actions.order_issue(case=case, actor=request.user, **d),
            "feedback": lambda: actions.order_feedback(
                order=order, text=d["text"], actor=request.user
            ),
            "lift": lambda: actions.order_lift(order=order, reason=d["reason"], actor=request.user),
        }
        if run_action(form, calls[name]) is not None:
            messages.success(request, _("Done."))
            return redirect("workbench:case_orders", case.code)
    case, roles = case_access.access_case(request.user, code)
    return _page(request, case, roles, bound=(name, form), status=400)


@staff_required
def orders(request: HttpRequest) -> HttpResponse:
    """Supervision orders waiting for feedback, of the cases the user sees."""
    root = _root(request)
    return render(
        request,
        "supervision/order_list.html",
        {"orders": queries.waiting_orders(request.user, root), "now": clock.now()},
    )


@staff_required
def case_transfer(request: HttpRequest, code: str) -> HttpResponse:
    """转纪检: the form, and the transfer (anyone who may take the step; others 404/403)."""
    from django.core.exceptions import PermissionDenied

    case, roles = case_access.access_case(request.user, code)
    if not wf.allowed(case.status, case.kind, "transfer", roles):
        raise PermissionDenied
    initial = {"version": case.version, "accused_unit": case.lead_unit_id}
    form = forms.TransferForm(request.POST or None, root=case.root, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        report = run_action(
            form,
            lambda: actions.complaint_transfer(case=case, actor=request.user, **d),
        )
        if report is not None:
            messages.success(
                request,
                _("Transferred to the discipline office as report %(number)s.")
                % {"number": report.number},
            )
            return redirect("workbench:case_queue")
    return render(
        request,
        "supervision/transfer.html",
        {"case": case, "form": form},
        status=400 if form.errors else 200,
    )


@staff_required
def report_register(request: HttpRequest) -> HttpResponse:
    """The discipline office registers a report from the report line, a letter or a visit;
    the receipt is shown once, to be passed on to the reporter."""
    from lianxin.core.forms import accept_files
    from lianxin.discipline import access as discipline_access

    root = _root(request)
    if not discipline_access.is_inspector(request.user, root):
        raise Http404
    form = forms.RegisterReportForm(request.POST or None, request.FILES or None, root=root)
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        uploads = d.pop("files")
        result = run_action(
            form,
            lambda: actions.report_register(
                root=root, files=accept_files(uploads), actor=request.user, **d
            ),
        )
        if result is not None:
            report, receipt = result
            return render(
                request,
                "supervision/report_registered.html",
                {"report": report, "receipt": receipt},
            )
    return render(
        request,
        "supervision/report_register.html",
        {"form": form},
        status=400 if form.errors else 200,
    )

"""Workbench pages of party work."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianxin.core import export_views
from lianxin.core.errors import ApplicationError
from lianxin.core.forms import run_action, try_action
from lianxin.core.views import staff_required
from lianxin.org import access as org_access
from lianxin.org.models import Unit
from lianxin.org.queries import unit_under, units_under

from . import access, actions, forms, months, queries
from .models import Attendance

GRID_MONTHS = 6


def _root(request) -> Unit:
    return org_access.home_root_or_404(request.user)


def _month(text: str):
    month = months.parse(text)
    if month is None:
        raise Http404
    return month


@staff_required
def index(request: HttpRequest) -> HttpResponse:
    root = _root(request)
    office = access.is_office(request.user, root)
    units = list(access.visible_units(request.user, root))
    month_list = months.recent(queries.today(), GRID_MONTHS)
    this_month = months.first_of(queries.today())
    rows = queries.grid(units, month_list)
    rates = queries.attendance_rates(units)
    for row in rows:
        row["rate"] = rates.get(row["unit"].pk)
    return render(
        request,
        "partywork/index.html",
        {
            "root": root,
            "office": office,
            "rows": rows,
            "months": month_list,
            "this_month": this_month,
            "next_month": months.next_month(this_month),
            "last_month": months.previous_month(this_month),
            "guidance": queries.guidance_list(root, None if office else units)[:20],
            "pending": queries.pending_receipts(units),
            "units": units,
        },
    )


@require_POST
@staff_required
def grid_export(request: HttpRequest) -> HttpResponse:
    """The stations x months grid of the units the user sees, written in the background."""
    return export_views.start(request, "party_grid")


@require_POST
@staff_required
def month_export(request: HttpRequest, month: str) -> HttpResponse:
    """A month's plans and reports of the units the user sees, written in the background."""
    return export_views.start(request, "party_month", month=month)


# ------------------------------------------------------------------ plans


@staff_required
def plan_detail(request: HttpRequest, unit_id: int, month: str) -> HttpResponse:
    unit = access.access_unit(request.user, unit_id)
    m = _month(month)
    plan = queries.plan_of(unit, m)
    secretary = access.is_secretary_of(request.user, unit)
    office = access.is_office_over(request.user, unit)
    item_form = forms.ItemForm(request.POST or None, prefix="item")
    comment_form = forms.CommentForm(request.POST or None, prefix="c")
    if request.method == "POST":
        what = request.POST.get("do")
        done = None
        if what == "create":
            done = try_action(
                request, lambda: actions.plan_create(unit=unit, month=m, actor=request.user)
            )
        elif plan is None:
            raise Http404
        elif what == "item" and item_form.is_valid():
            done = run_action(
                item_form,
                lambda: actions.plan_item_add(
                    plan=plan, actor=request.user, **item_form.cleaned_data
                ),
            )
        elif what == "agree":
            done = try_action(request, lambda: actions.plan_agree(plan=plan, actor=request.user))
        elif what == "comment" and comment_form.is_valid():
            done = run_action(
                comment_form,
                lambda: actions.plan_comment(
                    plan=plan, comment=comment_form.cleaned_data["comment"], actor=request.user
                ),
            )
        elif what in ("done", "remove"):
            item_id = request.POST.get("item", "")
            item = queries.plan_item(plan, int(item_id)) if plan and item_id.isdigit() else None
            if item is None:
                raise Http404
            call = actions.plan_item_done if what == "done" else actions.plan_item_remove
            done = try_action(request, lambda: call(item=item, actor=request.user) or True)
        if done is not None:
            messages.success(request, _("Saved."))
            return redirect("workbench:plan_detail", unit.pk, month)
    return render(
        request,
        "partywork/plan.html",
        {
            "unit": unit,
            "month": m,
            "plan": plan,
            "items": queries.plan_items(plan) if plan else [],
            "secretary": secretary,
            "office": office,
            "item_form": item_form
            if request.POST.get("do") == "item"
            else forms.ItemForm(prefix="item"),
            "comment_form": comment_form,
            "errors": [e for f in (item_form, comment_form) for e in f.non_field_errors()]
            if request.method == "POST"
            else [],
        },
        status=400 if request.method == "POST" else 200,
    )


# ------------------------------------------------------------------ reports


@staff_required
def report_detail(request: HttpRequest, unit_id: int, month: str) -> HttpResponse:
    unit = access.access_unit(request.user, unit_id)
    m = _month(month)
    report = queries.report_of(unit, m)
    secretary = access.is_secretary_of(request.user, unit)
    office = access.is_office_over(request.user, unit)
    form = forms.ReportForm(
        request.POST if request.POST.get("do") in ("save", "submit") else None,
        initial={k: getattr(report, k) for k in actions.REPORT_FIELDS} if report else None,
    )
    review = forms.ReviewForm(
        request.POST if request.POST.get("do") in ("accept", "return") else None
    )
    if request.method == "POST":
        what = request.POST.get("do")
        done = None
        if what in ("save", "submit") and form.is_valid():

            def save_and_maybe_submit():
                saved = actions.report_save(
                    unit=unit, month=m, actor=request.user, **form.cleaned_data
                )
                if what == "submit":
                    saved = actions.report_submit(report=saved, actor=request.user)
                return saved

            done = run_action(form, save_and_maybe_submit)
        elif what in ("accept", "return") and report is not None and review.is_valid():
            done = run_action(
                review,
                lambda: actions.report_review(
                    report=report,
                    accept=what == "accept",
                    comment=review.cleaned_data["comment"],
                    actor=request.user,
                ),
            )
        if done is not None:
            messages.success(request, _("Saved."))
            return redirect("workbench:report_detail", unit.pk, month)
    editable = secretary and (report is None or report.state in ("draft", "returned"))
    return render(
        request,
        "partywork/report.html",
        {
            "unit": unit,
            "month": m,
            "report": report,
            "due": report.due_at if report else months.report_due(m),
            "form": form,
            "review": review,
            "editable": editable,
            "office": office,
            "print": request.GET.get("print") == "1",
        },
        status=400 if request.method == "POST" else 200,
    )


# ------------------------------------------------------------------ guidance


@staff_required
def guidance_new(request: HttpRequest) -> HttpResponse:
    root = _root(request)
    if not access.is_office(request.user, root):
        raise PermissionDenied
    form = forms.GuidanceForm(request.POST or None)
    form.fields["units"].queryset = queries.active_stations(root)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        guidance = run_action(
            form,
            lambda: actions.guidance_issue(
                root=root,
                title=d["title"],
                body=d["body"],
                doc_no=d["doc_no"],
                units=list(d["units"]),
                actor=request.user,
            ),
        )
        if guidance is not None:
            messages.success(request, _("Issued."))
            return redirect("workbench:guidance_detail", guidance.pk)
    return render(
        request, "partywork/guidance_new.html", {"form": form}, status=400 if form.errors else 200
    )


@staff_required
def guidance_detail(request: HttpRequest, pk: int) -> HttpResponse:
    guidance, office, receipts = access.access_guidance(request.user, pk)
    for r in receipts:
        r.mine = access.is_secretary_of(request.user, r.unit)
    return render(
        request,
        "partywork/guidance.html",
        {"guidance": guidance, "receipts": receipts, "office": office},
    )


@require_POST
@staff_required
def guidance_confirm(request: HttpRequest, pk: int, unit_id: int) -> HttpResponse:
    guidance, _office, receipts = access.access_guidance(request.user, pk)
    receipt = next((r for r in receipts if r.unit_id == unit_id), None)
    if receipt is None:
        raise Http404
    confirm = lambda: actions.receipt_confirm(  # noqa: E731
        guidance=guidance, unit=receipt.unit, actor=request.user
    )
    if try_action(request, confirm):
        messages.success(request, _("Receipt confirmed."))
    return redirect("workbench:guidance_detail", guidance.pk)


# ------------------------------------------------------------------ study


@staff_required
def sessions(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = access.access_unit(request.user, unit_id)
    secretary = access.is_secretary_of(request.user, unit)
    form = forms.SessionForm(request.POST or None)
    if request.method == "POST":
        if not secretary:
            raise PermissionDenied
        if form.is_valid():
            session = run_action(
                form,
                lambda: actions.session_plan(unit=unit, actor=request.user, **form.cleaned_data),
            )
            if session is not None:
                return redirect("workbench:session_detail", session.pk)
    rates = queries.attendance_rates([unit])
    return render(
        request,
        "partywork/sessions.html",
        {
            "unit": unit,
            "sessions": queries.sessions_of(unit),
            "form": form,
            "secretary": secretary,
            "rate": rates.get(unit.pk),
        },
        status=400 if form.errors else 200,
    )


@staff_required
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = access.access_session(request.user, pk)
    secretary = access.is_secretary_of(request.user, session.unit)
    members = queries.session_members(session)
    recorded = queries.attendance_by_person(session)
    error = ""
    if request.method == "POST":
        if not secretary:
            raise PermissionDenied
        attendance = {
            p.pk: (
                request.POST.get(f"status-{p.pk}", "absent"),
                request.POST.get(f"reason-{p.pk}", ""),
            )
            for p in members
        }
        try:
            actions.session_record(
                session=session,
                attendance=attendance,
                summary=request.POST.get("summary", ""),
                actor=request.user,
            )
            messages.success(request, _("Saved."))
            return redirect("workbench:session_detail", session.pk)
        except ApplicationError as err:
            error = str(err.message)
        recorded = {
            pid: Attendance(person_id=pid, status=s, reason=r) for pid, (s, r) in attendance.items()
        }
    for p in members:
        p.record = recorded.get(p.pk)
    return render(
        request,
        "partywork/session.html",
        {
            "session": session,
            "members": members,
            "secretary": secretary,
            "statuses": Attendance.Status.choices,
            "error": error,
        },
        status=400 if error else 200,
    )


@staff_required
def study_record(request: HttpRequest, person_id: int) -> HttpResponse:
    person = org_access.access_person(request.user, person_id)
    if not (person.user_id == request.user.pk or access.sees_unit(request.user, person.unit)):
        raise Http404
    return render(
        request,
        "partywork/study_record.html",
        {"person": person, "records": queries.study_record(person)},
    )


@staff_required
def office_setup(request: HttpRequest) -> HttpResponse:
    """Administrators name the unit that is the organ's party-building office (党建办)."""
    root = _root(request)
    if not org_access.is_admin_of(request.user, root):
        raise PermissionDenied
    units = units_under(root)
    if request.method == "POST":
        unit_id = request.POST.get("unit", "")
        unit = unit_under(root, int(unit_id)) if unit_id.isdigit() else None
        if unit is None:
            messages.error(request, _("Choose a unit of this organisation."))
        elif try_action(
            request, lambda: actions.party_office_set(root=root, unit=unit, actor=request.user)
        ):
            messages.success(request, _("Saved."))
            return redirect("workbench:partywork")
    return render(
        request, "partywork/office.html", {"units": units, "current": access.office_unit(root)}
    )

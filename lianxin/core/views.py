from __future__ import annotations

import functools

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import actions, clock, homes, queries, users, workdays
from .forms import CalendarImportForm, CalendarYearForm, OverrideForm, run_action
from .notice import parse_notice_file


def staff_required(view):
    """Login required; a login without a staff profile gets 403."""

    @login_required
    def wrapped(request, *args, **kwargs):
        if not users.ask(users.STAFF, request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return functools.wraps(view)(wrapped)  # the view's name, module and `__wrapped__`


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except (DatabaseError, OSError):
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@staff_required
def workbench_home(request: HttpRequest) -> HttpResponse:
    """The role's own home (registered by the apps, core.homes), or this page with
    ?all=1 or for roles that have none: the panels the apps register (core.homes)."""
    if not request.GET.get("all"):
        url = homes.home_for(request.user)
        if url:
            return redirect(url)
    missing = workdays.missing_years() if users.ask(users.ADMIN, request.user) else []
    return render(
        request,
        "core/workbench_home.html",
        {"missing_years": missing, "panels": homes.panels_for(request)},
    )


def require_admin(user) -> None:
    """The working-day calendar and other system settings are for administrators."""
    if not users.ask(users.ADMIN, user):
        raise PermissionDenied


@require_POST
@login_required
def logout_everywhere(request: users.AuthedRequest) -> HttpResponse:
    actions.user_logout_everywhere(user=request.user)
    logout(request)
    messages.success(request, _("You have been signed out on every device."))
    return redirect("login")


def _year_rows(year: int):
    return queries.overrides_of_year(year)


@staff_required
def calendar_page(request: HttpRequest) -> HttpResponse:
    require_admin(request.user)
    today = timezone.localdate(clock.now())
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        year = today.year
    year = min(max(year, 2000), 2100)
    year_form = CalendarYearForm(prefix="notice", initial={"year": year})
    import_form = CalendarImportForm(prefix="import", initial={"year": year})
    override_form = OverrideForm(prefix="override")
    if request.method == "POST":
        which = request.POST.get("form")
        if which == "notice":
            year_form = CalendarYearForm(request.POST, prefix="notice")
            if year_form.is_valid():
                d = year_form.cleaned_data
                done = run_action(
                    year_form,
                    lambda: actions.calendar_year_enter(
                        year=d["year"],
                        holidays=d["holidays"],
                        workdays=d["workdays"],
                        source=d["source"],
                        actor=request.user,
                    ),
                )
                if done:
                    messages.success(
                        request, _("The %(year)s notice is saved.") % {"year": d["year"]}
                    )
                    return redirect(f"{request.path}?year={d['year']}")
        elif which == "import":
            import_form = CalendarImportForm(request.POST, request.FILES, prefix="import")
            if import_form.is_valid():
                d = import_form.cleaned_data
                upload = d["file"]
                try:
                    text = upload.read(1_000_000).decode("utf-8-sig")
                except UnicodeDecodeError:
                    import_form.add_error("file", _("The file is not UTF-8 text."))
                    text = None
                if text is not None:

                    def enter():
                        holidays, workdays_text = parse_notice_file(text)
                        return actions.calendar_year_enter(
                            year=d["year"],
                            holidays=holidays,
                            workdays=workdays_text,
                            source=d["source"] or upload.name,
                            actor=request.user,
                        )

                    done = run_action(import_form, enter)
                    if done:
                        messages.success(
                            request, _("The %(year)s notice is imported.") % {"year": d["year"]}
                        )
                        return redirect(f"{request.path}?year={d['year']}")
        elif which == "override":
            override_form = OverrideForm(request.POST, prefix="override")
            if override_form.is_valid():
                d = override_form.cleaned_data
                override = run_action(
                    override_form,
                    lambda: actions.workday_override_set(
                        day=d["day"], kind=d["kind"], note=d["note"], actor=request.user
                    ),
                )
                if override:
                    messages.success(request, _("Saved."))
                    return redirect(f"{request.path}?year={d['day'].year}")
    return render(
        request,
        "core/calendar.html",
        {
            "year": year,
            "years": queries.calendar_years(),
            "overrides": _year_rows(year),
            "package_knows": workdays.package_knows(year),
            "entered": queries.calendar_year(year),
            "missing_years": workdays.missing_years(),
            "year_form": year_form,
            "import_form": import_form,
            "override_form": override_form,
        },
    )


@require_POST
@staff_required
def calendar_override_clear(request: HttpRequest, pk: int) -> HttpResponse:
    require_admin(request.user)
    override = queries.override(pk)
    year = override.date.year
    actions.workday_override_clear(override=override, actor=request.user)
    messages.success(request, _("Removed."))
    return redirect(f"/workbench/calendar/?year={year}")


@staff_required
def inbox(request: users.AuthedRequest) -> HttpResponse:
    """The in-app inbox; opening it marks everything shown as read."""
    notices = queries.inbox(request.user)
    unread = [n.pk for n in notices if n.read_at is None]
    actions.inbox_mark_read(user=request.user, ids=unread)
    return render(request, "core/inbox.html", {"notices": notices, "unread": set(unread)})

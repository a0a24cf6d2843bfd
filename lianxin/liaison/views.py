"""Workbench pages of contact work (phone-sized for cadres on the road)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianxin.cases import queries as case_queries
from lianxin.core import clock, export_views, files
from lianxin.core.forms import run_action, try_action
from lianxin.core.months import first_of, parse
from lianxin.core.views import staff_required
from lianxin.org.access import home_root_or_404, person_of
from lianxin.org.models import Unit
from lianxin.org.queries import units_under

from . import access, actions, forms, queries


def _root(request) -> Unit:
    return home_root_or_404(request.user)


@staff_required
def diary(request: HttpRequest) -> HttpResponse:
    """My 民情日记 and the form to record a visit."""
    me = person_of(request.user)
    if me is None:
        raise Http404
    form = forms.VisitForm(
        request.POST or None,
        request.FILES or None,
        initial={"day": timezone.localdate(clock.now()), "kind": "visit"},
    )
    form.fields["place"].queryset = queries.places_for(me)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        visit = run_action(
            form,
            lambda: actions.visit_record(
                place=d["place"],
                kind=d["kind"],
                day=d["day"],
                met=d["met"],
                said=d["said"],
                needs=d["needs"].splitlines(),
                signature=d["signature"],
                photo=d["photo"],
                actor=request.user,
            ),
        )
        if visit is not None:
            messages.success(request, _("Recorded in your diary."))
            return redirect("workbench:visit_detail", visit.pk)
    return render(
        request,
        "liaison/diary.html",
        {
            "form": form,
            "entries": queries.diary([me])[:30],
            "points": queries.points_of(me),
            "stints": queries.recent_stints(me),
        },
        status=400 if form.errors else 200,
    )


@staff_required
def visit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visit = access.access_visit(request.user, pk)
    me = person_of(request.user)
    return render(
        request,
        "liaison/visit.html",
        {
            "visit": visit,
            "needs": queries.needs_of(visit),
            "mine": me is not None and me.pk == visit.person_id,
            "reviewer": access.reviews_diary_of(request.user, visit.person),
            "categories": case_queries.active_categories_of(visit.place.unit.root_id),
        },
    )


@staff_required
def visit_photo(request: HttpRequest, pk: int) -> HttpResponse:
    """The photo of a diary entry, for those who read the diary (the cadre and his leaders);
    anyone else 404. Never from /media/, which nothing serves."""
    visit = access.access_visit(request.user, pk)
    if not visit.photo:
        raise Http404
    try:
        handle = visit.photo.open("rb")
    except OSError:
        raise Http404 from None
    head = handle.read(16)
    handle.seek(0)
    content_type = files.sniff(head)
    if content_type not in ("image/jpeg", "image/png"):
        handle.close()
        raise Http404
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@staff_required
def need_case(request: HttpRequest, pk: int) -> HttpResponse:
    need = access.access_need(request.user, pk)
    category_id = request.POST.get("category", "")
    category = (
        case_queries.active_category(need.visit.place.unit.root_id, int(category_id))
        if category_id.isdigit()
        else None
    )
    case = try_action(
        request, lambda: actions.need_to_case(need=need, category=category, actor=request.user)
    )
    if case is not None:
        messages.success(request, _("Case %(code)s registered.") % {"code": case.code})
    return redirect("workbench:visit_detail", need.visit_id)


@require_POST
@staff_required
def visit_review(request: HttpRequest, pk: int) -> HttpResponse:
    visit = access.access_visit(request.user, pk)
    if not access.reviews_diary_of(request.user, visit.person):
        raise PermissionDenied
    actions.visit_review(visit=visit, comment=request.POST.get("comment", ""), actor=request.user)
    messages.success(request, _("Checked."))
    return redirect("workbench:visit_detail", visit.pk)


@staff_required
def diaries(request: HttpRequest) -> HttpResponse:
    """Leaders: the diaries of the cadres under them, and the entries not yet checked."""
    root = _root(request)
    people = access.people_under(request.user, root)
    person_id = request.GET.get("person", "")
    shown = queries.only_person(people, int(person_id)) if person_id.isdigit() else people
    month = parse(request.GET.get("month", "")) or None
    return render(
        request,
        "liaison/diaries.html",
        {
            "people": queries.cadres_by_unit(people),
            "entries": queries.diary(shown, month=month)[:100],
            "unreviewed": queries.unreviewed_of_others(people, person_of(request.user))[:50],
            "month": month,
            "person_id": person_id,
        },
    )


@staff_required
def cadence(request: HttpRequest) -> HttpResponse:
    root = _root(request)
    month = parse(request.GET.get("month", "")) or first_of(timezone.localdate(clock.now()))
    people = access.people_under(request.user, root)
    return render(
        request,
        "liaison/cadence.html",
        {
            "rows": queries.cadence(people, month),
            "month": month,
        },
    )


@require_POST
@staff_required
def export(request: HttpRequest, month: str) -> HttpResponse:
    """The month's diaries of the cadres the user reads (the page's cadre filter kept) and
    their cadence, written in the background."""
    return export_views.start(request, "liaison_diaries", month=month)


@staff_required
def points(request: HttpRequest) -> HttpResponse:
    """Administrators: places, contact points and stints."""
    root = _root(request)
    if not access.may_assign(request.user, root):
        raise PermissionDenied
    people = queries.cadres_of(root)
    places = queries.all_places_of(root)
    which = request.POST.get("form")
    place_form = forms.PlaceForm(request.POST if which == "place" else None, prefix="pl")
    point_form = forms.PointForm(request.POST if which == "point" else None, prefix="pt")
    stint_form = forms.StintForm(request.POST if which == "stint" else None, prefix="st")
    place_form.fields["unit"].queryset = units_under(root)
    for f in (point_form, stint_form):
        f.fields["person"].queryset = people
        f.fields["place"].queryset = places
    calls = {
        "place": (place_form, lambda d: actions.place_save(actor=request.user, **d)),
        "point": (point_form, lambda d: actions.contact_point_assign(actor=request.user, **d)),
        "stint": (stint_form, lambda d: actions.stint_plan(actor=request.user, **d)),
    }
    if request.method == "POST" and which in calls:
        form, call = calls[which]
        if form.is_valid() and run_action(form, lambda: call(form.cleaned_data)):
            messages.success(request, _("Saved."))
            return redirect("workbench:contact_points")
    return render(
        request,
        "liaison/points.html",
        {
            "places": places,
            "place_form": place_form,
            "point_form": point_form,
            "stint_form": stint_form,
            "points": queries.point_list(people),
            "stints": queries.stint_list(people),
        },
        status=400 if request.method == "POST" else 200,
    )


@staff_required
def research(request: HttpRequest) -> HttpResponse:
    root = _root(request)
    organ = access.is_organ_staff(request.user, root)
    form = forms.ResearchForm(request.POST or None)
    form.fields["station"].queryset = queries.stations_of(root)
    form.fields["category"].queryset = case_queries.active_categories_of(root.pk)
    offices = queries.offices_of(root)
    if request.method == "POST":
        if not organ:
            raise PermissionDenied
        if form.is_valid():
            d = form.cleaned_data
            problems = []
            for i in range(5):
                text = request.POST.get(f"problem-{i}", "")
                office_id = request.POST.get(f"office-{i}", "")
                office = queries.office_of(root, int(office_id)) if office_id.isdigit() else None
                if text.strip():
                    problems.append((text, office or root))
            done = run_action(
                form, lambda: actions.research_record(actor=request.user, problems=problems, **d)
            )
            if done is not None:
                messages.success(request, _("Recorded."))
                return redirect("workbench:research")
    visits = access.research_seen(request.user, root)
    return render(
        request,
        "liaison/research.html",
        {
            "form": form,
            "visits": visits,
            "organ": organ,
            "offices": offices,
            "rows": range(5),
        },
        status=400 if form.errors else 200,
    )

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lianxin.core import export_views
from lianxin.core.forms import run_action
from lianxin.core.views import staff_required

from . import access, actions, queries
from .forms import GrantForm, PersonCreateForm, PersonEditForm, UnitCreateForm, UnitEditForm
from .models import Unit


@staff_required
def unit_tree(request: HttpRequest) -> HttpResponse:
    root = access.home_root_or_404(request.user)
    return render(
        request,
        "org/unit_tree.html",
        {
            "root": root,
            "units": queries.unit_tree(root),
            "can_edit": access.governs(request.user, root),
        },
    )


@staff_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = access.access_unit(request.user, pk)
    return render(
        request,
        "org/unit_detail.html",
        {
            "unit": unit,
            "ancestors": queries.unit_ancestors(unit),
            "children": queries.unit_children(unit),
            "people": queries.unit_people(unit),
            "grants": queries.unit_grants_by_role(unit),
            "can_edit": access.governs(request.user, unit),
        },
    )


@staff_required
def unit_create(request: HttpRequest, pk: int) -> HttpResponse:
    parent = access.access_unit(request.user, pk, write=True)
    form = UnitCreateForm(request.POST or None, initial={"kind": Unit.Kind.STATION})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        unit = run_action(
            form,
            lambda: actions.unit_create(
                name=d["name"],
                kind=d["kind"],
                parent=parent,
                code=d["code"],
                phone=d["phone"],
                address=d["address"],
                sort_order=d["sort_order"] or 0,
                actor=request.user,
            ),
        )
        if unit:
            messages.success(request, _("%(unit)s is created.") % {"unit": unit.name})
            return redirect("workbench:unit_detail", pk=unit.pk)
    return render(request, "org/unit_form.html", {"form": form, "parent": parent})


@staff_required
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = access.access_unit(request.user, pk, write=True)
    root = queries.organisation_of(unit)
    initial = {
        "name": unit.name,
        "kind": unit.kind,
        "phone": unit.phone,
        "address": unit.address,
        "sort_order": unit.sort_order,
        "is_active": unit.is_active,
        "parent": unit.parent_id,
    }
    form = UnitEditForm(request.POST or None, initial=initial, units=queries.units_under(root))
    if unit.parent_id is None:
        del form.fields["parent"]
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data

        def save():
            updated = actions.unit_update(
                unit=unit,
                name=d["name"],
                kind=d["kind"],
                phone=d["phone"],
                address=d["address"],
                sort_order=d["sort_order"] or 0,
                is_active=d["is_active"],
                actor=request.user,
            )
            new_parent = d.get("parent")
            if new_parent is not None and new_parent.pk != unit.parent_id:
                updated = actions.unit_move(unit=updated, new_parent=new_parent, actor=request.user)
            return updated

        if unit.parent_id is not None and d.get("parent") is None:
            form.add_error("parent", _("Choose the parent unit."))
        else:
            done = run_action(form, save)
            if done:
                messages.success(request, _("Saved."))
                return redirect("workbench:unit_detail", pk=unit.pk)
    return render(request, "org/unit_form.html", {"form": form, "unit": unit})


@staff_required
def people_list(request: HttpRequest) -> HttpResponse:
    root = access.home_root_or_404(request.user)
    text = request.GET.get("q", "").strip()[:50]
    people = queries.people_search(root, text)
    records = access.record_people_ids(request.user, root)
    return render(
        request,
        "org/people_list.html",
        {"people": people, "q": text, "root": root, "records": records},
    )


@require_POST
@staff_required
def people_export(request: HttpRequest) -> HttpResponse:
    """The roster of the user's organisation (phones only where he governs), written in the
    background."""
    return export_views.start(request, "roster")


@staff_required
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.access_person(request.user, pk)
    return render(
        request,
        "org/person_detail.html",
        {
            "person": person,
            "grants": queries.person_grants(person),
            "show_phone": access.sees_phone(request.user, person),
            "can_edit": access.governs(request.user, person.unit),
            "sees_record": access.sees_record(request.user, person),
            "can_reset_second_factor": access.is_admin_of(request.user, person.unit),
        },
    )


@staff_required
def person_create(request: HttpRequest, pk: int) -> HttpResponse:
    unit = access.access_unit(request.user, pk, write=True)
    units = queries.units_under(unit)
    form = PersonCreateForm(request.POST or None, initial={"unit": unit.pk}, units=units)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if d["password"]:
            try:
                validate_password(d["password"])
            except ValidationError as err:
                form.add_error("password", err)
        if form.is_valid():
            person = run_action(
                form,
                lambda: actions.person_create(
                    username=d["username"],
                    name=d["name"],
                    unit=d["unit"],
                    position=d["position"],
                    phone=d["phone"],
                    is_party_member=d["is_party_member"],
                    password=d["password"] or None,
                    actor=request.user,
                ),
            )
            if person:
                messages.success(request, _("%(name)s is added.") % {"name": person.name})
                return redirect("workbench:person_detail", pk=person.pk)
    return render(request, "org/person_form.html", {"form": form, "unit": unit})


@staff_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.access_person(request.user, pk, write=True)
    root = queries.organisation_of(person.unit)
    initial = {
        "name": person.name,
        "unit": person.unit_id,
        "position": person.position,
        "phone": person.phone,
        "is_party_member": person.is_party_member,
        "is_active": person.is_active,
    }
    form = PersonEditForm(
        request.POST or None, initial=initial, units=access.governed_units(request.user, root)
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        done = run_action(
            form,
            lambda: actions.person_update(
                person=person,
                name=d["name"],
                unit=d["unit"],
                position=d["position"],
                phone=d["phone"],
                is_party_member=d["is_party_member"],
                is_active=d["is_active"],
                actor=request.user,
            ),
        )
        if done:
            messages.success(request, _("Saved."))
            return redirect("workbench:person_detail", pk=person.pk)
    return render(request, "org/person_form.html", {"form": form, "person": person})


@staff_required
def grant_create(request: HttpRequest, pk: int) -> HttpResponse:
    unit = access.access_unit(request.user, pk, write=True)
    people = queries.active_people_of(queries.organisation_of(unit))
    form = GrantForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        grant = run_action(
            form,
            lambda: actions.role_grant(
                person=d["person"], unit=unit, role=d["role"], actor=request.user
            ),
        )
        if grant:
            messages.success(request, _("Role granted."))
            return redirect("workbench:unit_detail", pk=unit.pk)
    return render(request, "org/grant_form.html", {"form": form, "unit": unit})


@require_POST
@staff_required
def grant_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    grant = access.access_grant(request.user, pk)
    try:
        actions.role_revoke(grant=grant, actor=request.user)
        messages.success(request, _("Role revoked."))
    except actions.ApplicationError as err:
        messages.error(request, str(err.message))
    return redirect("workbench:unit_detail", pk=grant.unit_id)


@staff_required
@require_POST
def second_factor_reset(request: HttpRequest, pk: int) -> HttpResponse:
    person = access.access_person(request.user, pk, write=True)
    try:
        actions.second_factor_reset(person=person, actor=request.user)
        messages.success(
            request,
            _("The second factor of %(name)s was reset: he enrols again at his next login.")
            % {"name": person.name},
        )
    except actions.ApplicationError as err:
        messages.error(request, str(err.message))
    return redirect("workbench:person_detail", pk=person.pk)

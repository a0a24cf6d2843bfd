from __future__ import annotations

from django.core.exceptions import PermissionDenied
from ninja import Router, Schema

from . import access, queries

router = Router(tags=["org"])


class UnitOut(Schema):
    id: int
    name: str
    kind: str
    code: str
    parent_id: int | None
    depth: int
    leaders: list[str]
    secretaries: list[str]


class PersonOut(Schema):
    id: int
    name: str
    unit_id: int
    unit_name: str
    position: str
    is_party_member: bool
    roles: list[dict]


class MeOut(Schema):
    username: str
    person: PersonOut | None


def _person_out(person) -> dict:
    return {
        "id": person.pk,
        "name": person.name,
        "unit_id": person.unit_id,
        "unit_name": person.unit.name,
        "position": person.position,
        "is_party_member": person.is_party_member,
        "roles": [
            {"unit_id": g.unit_id, "unit": g.unit.name, "role": g.role}
            for g in queries.grants_listed(person)
        ],
    }


def _staff(request):
    if not access.is_staff_member(request.user):
        raise PermissionDenied


@router.get("/me", response=MeOut, summary="Who you are: your person, unit and roles")
def me(request):
    _staff(request)
    person = access.person_of(request.user)
    return {"username": request.user.username, "person": _person_out(person) if person else None}


@router.get("/units", response=list[UnitOut], summary="The units of your organisation")
def units(request):
    """The unit tree of the caller's organisation, in tree order."""
    _staff(request)
    root = access.home_root_or_404(request.user)
    return [
        {
            "id": u.pk,
            "name": u.name,
            "kind": u.kind,
            "code": u.code,
            "parent_id": u.parent_id,
            "depth": u.depth,
            "leaders": [p.name for p in u.leaders],
            "secretaries": [p.name for p in u.secretaries],
        }
        for u in queries.unit_tree(root)
    ]


@router.get("/units/{unit_id}/people", response=list[PersonOut], summary="The people of a unit")
def unit_people(request, unit_id: int):
    _staff(request)
    unit = access.access_unit(request.user, unit_id)
    return [_person_out(p) for p in queries.unit_people(unit)]

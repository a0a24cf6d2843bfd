"""Actions on units, people and role grants.

`actor` is who acts: a login (or `Actor.user`), checked against the unit's governance, or
`Actor.system()` (management commands such as `lianxin demo`), which is not. `None` raises
TypeError (core.actor): no action runs for nobody.
"""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Length, Substr
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lianxin.core.actor import as_actor, is_system, login_of
from lianxin.core.audit import record_event, snapshot
from lianxin.core.errors import ApplicationError

from . import access
from .models import PATH_STEP, OrganisationOffice, Person, Role, RoleGrant, Unit
from .validators import clean_name, normalize_phone

UNIT_FIELDS = ["name", "kind", "code", "parent", "phone", "address", "sort_order", "is_active"]
PERSON_FIELDS = ["name", "unit", "position", "phone", "is_party_member", "is_active"]


def _require_governs(actor, unit: Unit, message) -> None:
    if not is_system(actor) and not access.governs(actor, unit):
        raise ApplicationError(message, code="forbidden")


def _path_for(unit: Unit, parent: Unit | None) -> str:
    return (parent.path if parent else "") + str(unit.pk).zfill(PATH_STEP) + "."


def unit_create(
    *,
    name: str,
    kind: str,
    parent: Unit | None,
    code: str = "",
    phone: str = "",
    address: str = "",
    sort_order: int = 0,
    actor,
) -> Unit:
    name = clean_name(name, max_length=100)
    if kind not in Unit.Kind.values:
        raise ApplicationError(_("Choose organ, office or station."), field="kind")
    if parent is None:
        if not is_system(actor) and not as_actor(actor).is_superuser:
            raise ApplicationError(
                _("Only a system administrator can create a new organisation."),
                field="parent",
                code="forbidden",
            )
    else:
        _require_governs(
            actor, parent, _("You do not govern the parent unit %(unit)s.") % {"unit": parent.name}
        )
    code = slugify(code or "") or f"u-{secrets.token_hex(4)}"
    if Unit.objects.filter(code=code).exists():
        raise ApplicationError(
            _("The code %(code)s is already used.") % {"code": code}, field="code"
        )
    phone = normalize_phone(phone)
    with transaction.atomic():
        unit = Unit.objects.create(
            name=name,
            kind=kind,
            code=code,
            parent=parent,
            phone=phone,
            address=address.strip(),
            sort_order=sort_order,
            depth=(parent.depth + 1) if parent else 0,
        )
        unit.path = _path_for(unit, parent)
        unit.save(update_fields=["path"])
        record_event(actor=actor, action="unit_create", obj=unit, after=snapshot(unit, UNIT_FIELDS))
    return unit


def unit_update(
    *,
    unit: Unit,
    name: str,
    kind: str,
    phone: str = "",
    address: str = "",
    sort_order: int = 0,
    is_active: bool = True,
    actor,
) -> Unit:
    _require_governs(actor, unit, _("You do not govern %(unit)s.") % {"unit": unit.name})
    name = clean_name(name, max_length=100)
    if kind not in Unit.Kind.values:
        raise ApplicationError(_("Choose organ, office or station."), field="kind")
    phone = normalize_phone(phone)
    with transaction.atomic():
        unit = Unit.objects.select_for_update().get(pk=unit.pk)
        before = snapshot(unit, UNIT_FIELDS)
        unit.name, unit.kind, unit.phone = name, kind, phone
        unit.address, unit.sort_order, unit.is_active = address.strip(), sort_order, is_active
        unit.save()
        record_event(
            actor=actor,
            action="unit_update",
            obj=unit,
            before=before,
            after=snapshot(unit, UNIT_FIELDS),
        )
    return unit


def unit_move(*, unit: Unit, new_parent: Unit, actor) -> Unit:
    """Move a unit (with everything under it) under another unit of the same organisation."""
    _require_governs(actor, unit, _("You do not govern %(unit)s.") % {"unit": unit.name})
    _require_governs(
        actor,
        new_parent,
        _("You do not govern the new parent unit %(unit)s.") % {"unit": new_parent.name},
    )
    with transaction.atomic():
        unit = Unit.objects.select_for_update().get(pk=unit.pk)
        new_parent = Unit.objects.select_for_update().get(pk=new_parent.pk)
        if unit.parent_id is None:
            raise ApplicationError(
                _("The top unit of an organisation cannot be moved."), field="parent"
            )
        if new_parent.path.startswith(unit.path):
            raise ApplicationError(
                _("%(unit)s cannot be moved under itself or a unit below it.")
                % {"unit": unit.name},
                field="parent",
            )
        if new_parent.root_id != unit.root_id:
            raise ApplicationError(
                _("A unit cannot be moved to another organisation."), field="parent"
            )
        before = {"parent": unit.parent_id, "path": unit.path}
        old_path, old_depth = unit.path, unit.depth
        new_path = _path_for(unit, new_parent)
        shift = new_parent.depth + 1 - old_depth
        # One UPDATE rewrites the path prefix of the whole subtree, however deep.
        Unit.objects.filter(path__startswith=old_path).update(
            path=Concat(Value(new_path), Substr("path", len(old_path) + 1, Length("path"))),
            depth=F("depth") + shift,
        )
        Unit.objects.filter(pk=unit.pk).update(parent=new_parent)
        unit.refresh_from_db()
        record_event(
            actor=actor,
            action="unit_move",
            obj=unit,
            before=before,
            after={"parent": new_parent.pk, "path": unit.path},
        )
    return unit


def person_create(
    *,
    username: str,
    name: str,
    unit: Unit,
    position: str = "",
    phone: str = "",
    is_party_member: bool = False,
    password: str | None = None,
    actor,
) -> Person:
    _require_governs(actor, unit, _("You do not govern %(unit)s.") % {"unit": unit.name})
    User = get_user_model()
    username = (username or "").strip()
    if not username:
        raise ApplicationError(_("Enter a login name."), field="username")
    try:
        User.username_validator(username)
    except Exception:
        raise ApplicationError(
            _("A login name has letters, digits and @/./+/-/_ only."), field="username"
        ) from None
    name = clean_name(name)
    phone = normalize_phone(phone)
    if User.objects.filter(username__iexact=username).exists():
        raise ApplicationError(
            _("The login name %(u)s is already taken.") % {"u": username}, field="username"
        )
    if phone and Person.objects.filter(name=name, phone=phone).exists():
        raise ApplicationError(
            _("%(name)s with phone %(phone)s is already registered.")
            % {"name": name, "phone": phone},
            field="name",
        )
    try:
        with transaction.atomic():
            user = User(username=username, first_name=name[:150])
            if password:
                user.set_password(password)
            else:
                user.set_unusable_password()
            user.save()
            person = Person.objects.create(
                user=user,
                name=name,
                unit=unit,
                position=position.strip()[:50],
                phone=phone,
                is_party_member=is_party_member,
            )
            record_event(
                actor=actor,
                action="person_create",
                obj=person,
                after=snapshot(person, PERSON_FIELDS) | {"username": username},
            )
    except IntegrityError:
        raise ApplicationError(
            _("The login name %(u)s is already taken.") % {"u": username}, field="username"
        ) from None
    return person


def person_update(
    *,
    person: Person,
    name: str,
    unit: Unit,
    position: str = "",
    phone: str = "",
    is_party_member: bool = False,
    is_active: bool = True,
    actor,
) -> Person:
    _require_governs(
        actor, person.unit, _("You do not govern %(unit)s.") % {"unit": person.unit.name}
    )
    if unit.pk != person.unit_id:
        _require_governs(actor, unit, _("You do not govern %(unit)s.") % {"unit": unit.name})
        if unit.root_id != person.unit.root_id:
            raise ApplicationError(
                _("A person cannot be moved to another organisation."), field="unit"
            )
    name = clean_name(name)
    phone = normalize_phone(phone)
    if phone and Person.objects.filter(name=name, phone=phone).exclude(pk=person.pk).exists():
        raise ApplicationError(
            _("%(name)s with phone %(phone)s is already registered.")
            % {"name": name, "phone": phone},
            field="name",
        )
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        before = snapshot(person, PERSON_FIELDS)
        person.name, person.unit, person.position = name, unit, position.strip()[:50]
        person.phone, person.is_party_member, person.is_active = phone, is_party_member, is_active
        person.save()
        if not is_active:
            type(person.user).objects.filter(pk=person.user_id).update(
                is_active=False, session_epoch=F("session_epoch") + 1
            )
        elif not person.user.is_active:
            type(person.user).objects.filter(pk=person.user_id).update(is_active=True)
        record_event(
            actor=actor,
            action="person_update",
            obj=person,
            before=before,
            after=snapshot(person, PERSON_FIELDS),
        )
    return person


def role_grant(*, person: Person, unit: Unit, role: str, actor) -> RoleGrant:
    if role not in Role.values:
        raise ApplicationError(_("Choose a role from the list."), field="role")
    _require_governs(
        actor,
        unit,
        _("You do not govern %(unit)s, so you cannot grant roles on it.") % {"unit": unit.name},
    )
    if role == Role.ADMIN and not is_system(actor) and not access.is_admin_of(actor, unit):
        raise ApplicationError(
            _("Only an administrator of %(unit)s can make someone an administrator.")
            % {"unit": unit.name},
            field="role",
            code="forbidden",
        )
    if unit.root_id != person.unit.root_id:
        raise ApplicationError(
            _("%(name)s belongs to another organisation.") % {"name": person.name}, field="person"
        )
    if RoleGrant.objects.filter(person=person, unit=unit, role=role).exists():
        raise ApplicationError(
            _("%(name)s already holds this role on %(unit)s.")
            % {"name": person.name, "unit": unit.name},
            field="role",
        )
    try:
        with transaction.atomic():
            grant = RoleGrant.objects.create(
                person=person,
                unit=unit,
                role=role,
                granted_by=login_of(actor),
            )
            record_event(
                actor=actor,
                action="role_grant",
                obj=grant,
                after={"person": person.pk, "unit": unit.pk, "role": role},
            )
            access.forget_grants(person)
    except IntegrityError:
        raise ApplicationError(
            _("%(name)s already holds this role on %(unit)s.")
            % {"name": person.name, "unit": unit.name},
            field="role",
        ) from None
    return grant


def role_revoke(*, grant: RoleGrant, actor) -> None:
    _require_governs(
        actor, grant.unit, _("You do not govern %(unit)s.") % {"unit": grant.unit.name}
    )
    if (
        grant.role == Role.ADMIN
        and not is_system(actor)
        and not access.is_admin_of(actor, grant.unit)
    ):
        raise ApplicationError(
            _("Only an administrator can revoke an administrator."), code="forbidden"
        )
    with transaction.atomic():
        record_event(
            actor=actor,
            action="role_revoke",
            obj=grant,
            before={"person": grant.person_id, "unit": grant.unit_id, "role": grant.role},
            after=None,
        )
        grant.delete()
        access.forget_grants(grant.person)


def organisation_office_set(*, root: Unit, unit: Unit, actor) -> OrganisationOffice:
    """Name the unit that keeps the cadre records (组织人事) of an organisation."""
    if not is_system(actor) and not access.is_admin_of(actor, root):
        raise ApplicationError(
            _("Only an administrator names the organisation office."), code="forbidden"
        )
    if root.parent_id is not None or not unit.path.startswith(root.path):
        raise ApplicationError(_("Choose a unit of this organisation."), field="unit")
    with transaction.atomic():
        office, _created = OrganisationOffice.objects.update_or_create(
            root=root, defaults={"unit": unit}
        )
        record_event(
            actor=actor, action="org.organisation_office_set", obj=office, after={"unit": unit.pk}
        )
    return office


def second_factor_reset(*, person: Person, actor) -> None:
    """Remove a person's authenticator app and recovery codes (a lost phone): at his next
    login he enrols again. Every session of his ends at once. Needs `admin` over his unit
    and over every unit where he holds a role, since whoever knows his password could then
    enrol a device of his own."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from lianxin.core.models import RecoveryCode

    units = [person.unit, *Unit.objects.filter(grants__person=person)]
    if not is_system(actor) and not all(access.is_admin_of(actor, u) for u in units):
        raise ApplicationError(
            _("Only an administrator over all of this person's units can reset it."),
            code="forbidden",
        )
    user = person.user
    with transaction.atomic():
        devices, _rows = TOTPDevice.objects.filter(user=user).delete()
        codes = RecoveryCode.objects.filter(user=user).count()
        RecoveryCode.objects.filter(user=user).delete()
        get_user_model().objects.filter(pk=user.pk).update(session_epoch=F("session_epoch") + 1)
        record_event(
            actor=actor,
            action="second_factor.reset",
            obj=person,
            before={"devices": devices, "recovery_codes": codes},
            after=None,
        )

"""The demo organisation: units, people, role grants (loaded first by `lianxin demo`,
registered in org's lianxin_hooks.py), and the lines `lianxin demo` prints about it."""

import unicodedata

from django.conf import settings
from django.utils.translation import gettext as _

from lianxin.core.actor import Actor

from . import actions
from .demo_data import DEMO_LOGINS, DEMO_PASSWORD, OFFICES, ORG, PEOPLE, STATIONS
from .models import OrganisationOffice, Person, Role, RoleGrant, Unit


def _unit(code, name, kind, parent, phone="", address="", order=0):
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        unit = actions.unit_create(
            name=name,
            kind=kind,
            parent=parent,
            code=code,
            phone=phone,
            address=address,
            sort_order=order,
            actor=Actor.system("demo"),
        )
    return unit


def load_demo_org() -> dict[str, Unit]:
    code, name, kind, phone, address = ORG
    units = {code: _unit(code, name, kind, None, phone, address)}
    root = units[code]
    for i, (code, name, phone) in enumerate(OFFICES):
        units[code] = _unit(code, name, Unit.Kind.OFFICE, root, phone, order=i)
    for i, (code, name, phone, address) in enumerate(STATIONS):
        units[code] = _unit(code, name, Unit.Kind.STATION, root, phone, address, order=10 + i)
    for i, (username, name, unit_code, position, party, roles) in enumerate(PEOPLE):
        person = Person.objects.filter(user__username=username).first()
        if person is None:
            person = actions.person_create(
                username=username,
                name=name,
                unit=units[unit_code],
                position=position,
                phone=f"139{57100000 + i * 7919:08d}",
                is_party_member=party,
                password=DEMO_PASSWORD,
                actor=Actor.system("demo"),
            )
        for role, role_unit in roles:
            if not RoleGrant.objects.filter(
                person=person, unit=units[role_unit], role=role
            ).exists():
                actions.role_grant(
                    person=person, unit=units[role_unit], role=role, actor=Actor.system("demo")
                )
    if not OrganisationOffice.objects.filter(root=root).exists():
        actions.organisation_office_set(
            root=root, unit=units["qs-office"], actor=Actor.system("demo")
        )
    admin = Person.objects.get(user__username="wangfang").user
    if not admin.is_superuser:
        admin.is_staff = admin.is_superuser = True
        admin.save(update_fields=["is_staff", "is_superuser"])
    return units


def _pad(text: str, width: int) -> str:
    """Pad to a screen width, counting a Chinese character as two columns."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - shown)


def summary(units: dict[str, Unit], write) -> None:
    root = units[ORG[0]]
    write(
        _("Demo organisation: %(org)s, %(units)s units, %(people)s people.")
        % {
            "org": root.name,
            "units": Unit.objects.filter(path__startswith=root.path).count(),
            "people": Person.objects.filter(unit__path__startswith=root.path).count(),
        }
    )
    write(_("Demo logins (password: %(pw)s):") % {"pw": DEMO_PASSWORD})
    for role, username in DEMO_LOGINS:
        person = Person.objects.select_related("unit").get(user__username=username)
        label = str(Role(role).label)
        write(f"  {_pad(label, 12)} {username:<14} {person.name} · {person.unit.name}")
    if settings.LIANXIN_REQUIRE_OTP:
        write(
            _(
                "Administrators, leaders, supervisors and inspectors set up an "
                "authenticator app at their first login. To try the demo without one, "
                "start it with LIANXIN_REQUIRE_OTP=0 (make run does)."
            )
        )
    else:
        write(
            _(
                "WARNING: the second factor is switched off (LIANXIN_REQUIRE_OTP=0): "
                "for a demonstration only."
            )
        )

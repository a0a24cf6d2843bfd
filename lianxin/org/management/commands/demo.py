"""`lianxin demo`: load the demo organisation (idempotent: a second run adds nothing)."""

import unicodedata

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from lianxin.org import actions
from lianxin.org.demo_data import DEMO_LOGINS, DEMO_PASSWORD, OFFICES, ORG, PEOPLE, STATIONS
from lianxin.org.models import OrganisationOffice, Person, Role, RoleGrant, Unit


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
            actor=None,
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
                actor=None,
            )
        for role, role_unit in roles:
            if not RoleGrant.objects.filter(
                person=person, unit=units[role_unit], role=role
            ).exists():
                actions.role_grant(person=person, unit=units[role_unit], role=role, actor=None)
    if not OrganisationOffice.objects.filter(root=root).exists():
        actions.organisation_office_set(root=root, unit=units["qs-office"], actor=None)
    admin = Person.objects.get(user__username="wangfang").user
    if not admin.is_superuser:
        admin.is_staff = admin.is_superuser = True
        admin.save(update_fields=["is_staff", "is_superuser"])
    return units


def _pad(text: str, width: int) -> str:
    """Pad to a screen width, counting a Chinese character as two columns."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - shown)


class Command(BaseCommand):
    help = "Load the demo organisation, people and roles (safe to run again)."

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        if getattr(settings, "PRODUCTION", False):
            # its logins share a published password and one is a superuser
            raise CommandError(_("The demo is never loaded on a production system."))
        from lianxin.cases.demo_data import load_demo_cases

        with transaction.atomic():
            units = load_demo_org()
        from lianxin.partywork.demo_data import load_demo_partywork

        with transaction.atomic():
            cases = load_demo_cases(units)
        with transaction.atomic():
            load_demo_partywork(units)
        from lianxin.catalog.demo_data import load_demo_catalog

        with transaction.atomic():
            load_demo_catalog(units)
        from lianxin.liaison.demo_data import load_demo_liaison

        with transaction.atomic():
            load_demo_liaison(units)
        from lianxin.intake.demo_data import load_demo_intake

        with transaction.atomic():
            load_demo_intake(units)
        from lianxin.discipline.demo_data import load_demo_discipline
        from lianxin.rules.demo_data import load_demo_rules

        with transaction.atomic():
            load_demo_rules(units)
        with transaction.atomic():
            load_demo_discipline(units)
        from lianxin.supervision.demo_data import load_demo_supervision

        with transaction.atomic():
            load_demo_supervision(units)

        from lianxin.routing.demo_data import load_demo_routing

        with transaction.atomic():
            load_demo_routing(units)
        # last: the scorecards freeze months of everything loaded above
        from lianxin.stats.demo_data import load_demo_stats

        with transaction.atomic():
            load_demo_stats(units)
        self.stdout.write(
            _("Demo organisation: %(org)s, %(units)s units, %(people)s people.")
            % {
                "org": units[ORG[0]].name,
                "units": Unit.objects.filter(path__startswith=units[ORG[0]].path).count(),
                "people": Person.objects.filter(unit__path__startswith=units[ORG[0]].path).count(),
            }
        )
        from lianxin.cases.models import Case

        cases = Case.objects.filter(root=units[ORG[0]]).count()  # visits and research add some
        self.stdout.write(_("Demo cases: %(n)s.") % {"n": cases})
        self.stdout.write(_("Demo logins (password: %(pw)s):") % {"pw": DEMO_PASSWORD})
        for role, username in DEMO_LOGINS:
            person = Person.objects.select_related("unit").get(user__username=username)
            label = str(Role(role).label)
            self.stdout.write(
                f"  {_pad(label, 12)} {username:<14} {person.name} · {person.unit.name}"
            )
        if settings.LIANXIN_REQUIRE_OTP:
            self.stdout.write(
                _(
                    "Administrators, leaders, supervisors and inspectors set up an "
                    "authenticator app at their first login. To try the demo without one, "
                    "start it with LIANXIN_REQUIRE_OTP=0 (make run does)."
                )
            )
        else:
            self.stdout.write(
                _(
                    "WARNING: the second factor is switched off (LIANXIN_REQUIRE_OTP=0): "
                    "for a demonstration only."
                )
            )

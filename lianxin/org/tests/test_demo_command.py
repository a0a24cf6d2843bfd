"""`lianxin demo`: the demo organisation, loaded twice without duplicates."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from lianxin.org import queries
from lianxin.org.demo_data import DEMO_LOGINS, DEMO_PASSWORD
from lianxin.org.models import Person, Role, RoleGrant, Unit

pytestmark = pytest.mark.django_db


def test_demo_loads_a_realistic_organisation_idempotently(capsys, rf):
    call_command("demo")
    first = capsys.readouterr().out
    counts = (Unit.objects.count(), Person.objects.count(), RoleGrant.objects.count())
    call_command("demo")
    assert (Unit.objects.count(), Person.objects.count(), RoleGrant.objects.count()) == counts

    root = Unit.objects.get(parent__isnull=True)
    assert root.name == "青山县公路管理段"
    offices = set(Unit.objects.filter(kind="office").values_list("name", flat=True))
    assert offices == {"办公室", "养护科", "路政科", "党建办", "纪检监察室"}
    assert Unit.objects.filter(kind="station").count() == 5
    assert 25 <= Person.objects.count() <= 40
    for unit in queries.unit_tree(root):
        assert unit.leaders, unit.name
        assert unit.secretaries, unit.name
    # One printed login for each role, and each of them works.
    assert {role for role, _u in DEMO_LOGINS} == set(Role.values)
    for _role, username in DEMO_LOGINS:
        assert username in first
        assert authenticate(rf.get("/"), username=username, password=DEMO_PASSWORD)
    assert DEMO_PASSWORD in first
    assert "主要负责人" in first  # printed in Chinese

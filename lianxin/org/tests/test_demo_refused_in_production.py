"""`lianxin demo` on a production system: refused, nothing made. The demo's logins share a
published password and one of them is a superuser: on real data that is an open door (the
second factor is enrolled at the first login, by whoever logs in first)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from lianxin.org.models import Unit


def test_the_demo_is_refused_in_production(db, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("demo")
    assert not get_user_model().objects.exists()
    assert not Unit.objects.exists()

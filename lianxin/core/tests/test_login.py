"""Staff login: argon2 hashing, lockout after repeated failures, session expiry, logout
everywhere."""

import pytest
from django.conf import settings
from django.test import Client

from lianxin.core.actor import Actor
from lianxin.core.models import AuditEvent
from lianxin.org import actions

pytestmark = pytest.mark.django_db
PASSWORD = "Qingshan#2026road"


@pytest.fixture
def clerk(cast):
    return actions.person_create(
        username="clerk",
        name="李文书",
        unit=cast.station_a,
        password=PASSWORD,
        actor=Actor.system(),
    ).user


def test_password_is_stored_with_argon2(settings, cast):
    # The suite hashes with MD5 for speed (settings_test); production's list is argon2 first.
    from lianxin import settings as production

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    clerk = actions.person_create(
        username="clerk",
        name="李文书",
        unit=cast.station_a,
        password=PASSWORD,
        actor=Actor.system(),
    ).user
    assert clerk.password.startswith("argon2$")


def test_login_with_the_right_password_opens_the_workbench(client, clerk):
    response = client.post("/accounts/login/", {"username": "clerk", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/workbench/"
    assert "李文书" in client.get("/workbench/").content.decode()


def test_wrong_password_shows_a_message_and_no_session(client, clerk):
    response = client.post("/accounts/login/", {"username": "clerk", "password": "wrong"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert client.get("/workbench/").status_code == 302


def test_repeated_failures_lock_the_account_even_for_the_right_password(client, clerk):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "clerk", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "clerk", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_sessions_expire():
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_logout_everywhere_ends_sessions_on_other_devices(clerk):
    phone, desk = Client(), Client()
    for device in (phone, desk):
        device.post("/accounts/login/", {"username": "clerk", "password": PASSWORD})
        assert device.get("/workbench/").status_code == 200
    response = desk.post("/accounts/logout-everywhere/")
    assert response.status_code == 302
    assert phone.get("/workbench/").status_code == 302  # sent back to the login page
    assert desk.get("/workbench/").status_code == 302
    assert AuditEvent.objects.filter(action="user_logout_everywhere").count() == 1
    # A fresh login works again.
    phone.post("/accounts/login/", {"username": "clerk", "password": PASSWORD})
    assert phone.get("/workbench/").status_code == 200

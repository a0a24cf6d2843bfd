"""The second factor: staff with power over others' data (here a leader) are sent to enrol an
authenticator app before any workbench page; a wrong code is refused, the right one (computed
here from the device's key) lets him in; recovery codes work once; handlers are not asked."""

import base64
import re

import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from lianxin.core.actor import Actor
from lianxin.core.models import AuditEvent, RecoveryCode

pytestmark = pytest.mark.django_db
ENROL = "/accounts/second-factor/enrol/"
# A page every staff member opens (a leader's /workbench/ redirects to his scorecard).
INBOX = "/workbench/inbox/"
VERIFY = "/accounts/second-factor/"


def code_of(device, *, shift=0) -> str:
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)  # the phone's clock
    totp.time = totp.time + shift * device.step
    return f"{totp.token():06d}"


def wrong_code(device) -> str:
    right = {code_of(device, shift=s) for s in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in right)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def enrol(client, user):
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(ENROL, {"token": code_of(device), "next": "/workbench/"})
    assert response.status_code == 200
    codes = re.findall(r"<li>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})</li>", response.content.decode())
    return device, codes


def test_a_leader_without_a_device_is_sent_to_enrolment(cast):
    client = logged_in(cast.leader)
    for path in ("/workbench/", "/workbench/cases/", "/workbench/org/people/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(ENROL + "?next=")
    page = client.get(ENROL).content.decode()
    device = TOTPDevice.objects.get(user=cast.leader, confirmed=False)
    assert "<svg" in page and "<path" in page  # the QR code, drawn on the server
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page).group(1)
    raw = secret.replace(" ", "")
    assert base64.b32decode(raw + "=" * (-len(raw) % 8)) == device.bin_key
    assert client.get(ENROL).content.decode().count(secret) == 1  # same key on reload


def test_a_wrong_code_is_refused_and_the_right_one_lets_him_in(cast):
    client = logged_in(cast.leader)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=cast.leader)
    response = client.post(ENROL, {"token": wrong_code(device)})
    assert response.status_code == 400 and "验证码错误或已过期" in response.content.decode()
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get(INBOX).status_code == 302
    response = client.post(ENROL, {"token": code_of(device), "next": "/workbench/cases/"})
    page = response.content.decode()
    assert response.status_code == 200 and "只显示这一次" in page
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    )
    codes = re.findall(r"<li>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})</li>", page)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get(INBOX).status_code == 200
    stored = set(RecoveryCode.objects.filter(user=cast.leader).values_list("digest", flat=True))
    assert len(stored) == 10 and not stored & ({c.replace("-", "") for c in codes} | set(codes))
    assert AuditEvent.objects.filter(action="second_factor.enrol", object_id=cast.leader.pk)


def test_at_the_next_login_a_code_is_asked_and_checked(cast):
    device, _codes = enrol(logged_in(cast.leader), cast.leader)
    client = logged_in(cast.leader)
    response = client.get("/workbench/cases/")
    assert response["Location"].startswith(VERIFY + "?next=")
    response = client.post(VERIFY, {"token": wrong_code(device), "next": "/workbench/cases/"})
    assert response.status_code == 400
    assert client.get(INBOX).status_code == 302
    # After a failure django-otp makes him wait a second before the next try: he waits.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    code = code_of(device, shift=1)
    response = client.post(VERIFY, {"token": code, "next": "/workbench/cases/"})
    assert response.status_code == 302 and response["Location"] == "/workbench/cases/"
    assert client.get(INBOX).status_code == 200
    # The same code does not open another session (no replay).
    other = logged_in(cast.leader)
    assert other.post(VERIFY, {"token": code}).status_code == 400


def test_a_recovery_code_works_once(cast):
    _device, codes = enrol(logged_in(cast.leader), cast.leader)
    first = logged_in(cast.leader)
    response = first.post(VERIFY, {"token": codes[3].upper().replace("-", " ")})
    assert response.status_code == 302 and first.get(INBOX).status_code == 200
    second = logged_in(cast.leader)
    response = second.post(VERIFY, {"token": codes[3]})
    assert response.status_code == 400 and "恢复码已使用" in response.content.decode()
    assert second.get(INBOX).status_code == 302
    assert RecoveryCode.objects.filter(user=cast.leader, used_at__isnull=False).count() == 1
    event = AuditEvent.objects.get(action="second_factor.recovery_code_use")
    assert event.after == {"recovery_codes_left": 9}


def test_guessing_is_stopped_after_ten_tries(cast):
    device, _codes = enrol(logged_in(cast.leader), cast.leader)
    client = logged_in(cast.leader)
    for _ in range(10):
        client.post(VERIFY, {"token": "zzzz-zzzz-zzzz"})
    response = client.post(VERIFY, {"token": code_of(device)})
    assert response.status_code == 400 and "尝试次数过多" in response.content.decode()
    assert client.get(INBOX).status_code == 302


def test_handlers_are_not_asked(cast):
    client = logged_in(cast.handler)
    assert client.get(INBOX).status_code == 200
    assert not TOTPDevice.objects.filter(user=cast.handler).exists()


def test_admins_inspectors_and_superusers_are_asked_too(cast):
    from lianxin.org import actions

    inspector = actions.person_create(
        username="jjy", name="马纪检", unit=cast.office, actor=Actor.system()
    )
    actions.role_grant(person=inspector, unit=cast.root, role="inspector", actor=Actor.system())
    for user in (cast.admin, inspector.user):
        assert logged_in(user).get(INBOX)["Location"].startswith(ENROL)
    cast.nobody.is_superuser = cast.nobody.is_staff = True
    cast.nobody.save()
    assert logged_in(cast.nobody).get("/admin/")["Location"].startswith(ENROL)


def test_the_api_does_not_take_an_unverified_session(cast):
    client = logged_in(cast.leader)
    assert client.get("/api/v1/cases/").status_code == 401
    assert logged_in(cast.handler).get("/api/v1/cases/").status_code == 200


def test_next_never_leads_off_the_site(cast):
    device, _codes = enrol(logged_in(cast.leader), cast.leader)
    client = logged_in(cast.leader)
    response = client.post(
        VERIFY, {"token": code_of(device, shift=1), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/workbench/"


def test_switched_off_outside_production_with_a_banner(cast, settings):
    settings.LIANXIN_REQUIRE_OTP = False
    response = logged_in(cast.leader).get(INBOX)
    assert response.status_code == 200
    assert "双重验证已关闭" in response.content.decode()


def test_anonymous_visitors_are_sent_to_login(client):
    assert client.get(VERIFY)["Location"].startswith("/accounts/login/")
    assert client.get(ENROL)["Location"].startswith("/accounts/login/")

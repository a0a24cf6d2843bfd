"""An administrator resets a person's second factor (a lost phone): the device and recovery
codes go, every session of his ends, an audit event records it; nobody else may."""

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError
from lianxin.core.models import AuditEvent, RecoveryCode
from lianxin.org import actions

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolled(cast):
    TOTPDevice.objects.create(user=cast.leader, name="phone", confirmed=True)
    RecoveryCode.objects.create(user=cast.leader, digest="x" * 64)
    return cast.people.leader


def url(person):
    return f"/workbench/org/people/{person.pk}/second-factor-reset/"


def test_an_administrator_resets_it_and_the_leader_enrols_again(cast, login, enrolled):
    leader_session = Client()
    leader_session.force_login(cast.leader)
    assert leader_session.get("/workbench/")["Location"].startswith("/accounts/second-factor/?")
    admin = login(cast.admin)
    assert "重置双重验证" in admin.get(f"/workbench/org/people/{enrolled.pk}/").content.decode()
    response = admin.post(url(enrolled), follow=True)
    assert "已重置张局长的双重验证" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=cast.leader).exists()
    assert not RecoveryCode.objects.filter(user=cast.leader).exists()
    event = AuditEvent.objects.get(action="second_factor.reset")
    assert event.actor == cast.admin and event.before == {"devices": 1, "recovery_codes": 1}
    # His old session is over; logging in again leads to enrolment.
    assert leader_session.get("/workbench/")["Location"].startswith("/accounts/login/")
    fresh = Client()
    cast.leader.refresh_from_db()
    fresh.force_login(cast.leader)
    assert fresh.get("/workbench/")["Location"].startswith("/accounts/second-factor/enrol/")


def test_a_leader_who_governs_but_is_no_administrator_cannot(cast, login, enrolled):
    handler = cast.people.handler
    TOTPDevice.objects.create(user=cast.handler, name="phone", confirmed=True)
    page = login(cast.station_leader).get(f"/workbench/org/people/{handler.pk}/")
    assert "重置双重验证" not in page.content.decode()
    response = login(cast.station_leader).post(url(handler), follow=True)
    assert "只有对此人所在及任职的全部单位都有管理权限的管理员才能重置" in response.content.decode()
    assert TOTPDevice.objects.filter(user=cast.handler).exists()
    assert not AuditEvent.objects.filter(action="second_factor.reset").exists()


def test_outsiders_get_404_and_get_is_refused(cast, login, enrolled):
    assert login(cast.outsider).post(url(enrolled)).status_code == 404
    assert login(cast.admin).get(url(enrolled)).status_code == 405
    assert TOTPDevice.objects.filter(user=cast.leader).exists()


def test_an_administrator_of_a_station_cannot_reset_someone_with_roles_above_it(cast):
    station_admin = actions.person_create(
        username="sadmin", name="站管理", unit=cast.station_a, actor=Actor.system()
    )
    actions.role_grant(
        person=station_admin, unit=cast.station_a, role="admin", actor=Actor.system()
    )
    target = cast.people.station_leader
    actions.role_grant(person=target, unit=cast.root, role="supervisor", actor=Actor.system())
    with pytest.raises(ApplicationError):
        actions.second_factor_reset(person=target, actor=station_admin.user)

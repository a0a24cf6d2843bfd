"""/workbench/org/units/<id>/grant/ and /workbench/org/grants/<id>/revoke/"""

import pytest

from lianxin.org.models import Role, RoleGrant

pytestmark = pytest.mark.django_db


def test_leader_grants_and_revokes(cast, login):
    client = login(cast.leader)
    response = client.post(
        f"/workbench/org/units/{cast.station_b.pk}/grant/",
        {"person": cast.people.handler_b.pk, "role": Role.SECRETARY},
    )
    assert response.status_code == 302
    grant = RoleGrant.objects.get(person=cast.people.handler_b, role=Role.SECRETARY)
    client.post(f"/workbench/org/grants/{grant.pk}/revoke/")
    assert not RoleGrant.objects.filter(pk=grant.pk).exists()


def test_granting_admin_without_being_admin_shows_the_refusal(cast, login):
    response = login(cast.leader).post(
        f"/workbench/org/units/{cast.station_b.pk}/grant/",
        {"person": cast.people.handler_b.pk, "role": Role.ADMIN},
    )
    assert response.status_code == 200
    assert "只有“乙站”的管理员" in response.content.decode()
    assert not RoleGrant.objects.filter(role=Role.ADMIN, unit=cast.station_b).exists()


def test_grant_page_guards(cast, client, login):
    url = f"/workbench/org/units/{cast.station_b.pk}/grant/"
    assert client.get(url).status_code == 302
    assert login(cast.station_leader).get(url).status_code == 403
    assert login(cast.outsider).get(url).status_code == 404


def test_revoke_guards(cast, login):
    grant = RoleGrant.objects.get(person=cast.people.handler_b)
    url = f"/workbench/org/grants/{grant.pk}/revoke/"
    assert login(cast.station_leader).post(url).status_code == 403
    assert login(cast.outsider).post(url).status_code == 404
    assert RoleGrant.objects.filter(pk=grant.pk).exists()

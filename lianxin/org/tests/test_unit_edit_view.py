"""/workbench/org/units/<id>/edit/ and /add-unit/"""

import pytest

from lianxin.core.actor import Actor
from lianxin.org import actions
from lianxin.org.models import Unit

pytestmark = pytest.mark.django_db


def edit(unit):
    return f"/workbench/org/units/{unit.pk}/edit/"


def form(unit, **changes):
    data = {
        "name": unit.name,
        "kind": unit.kind,
        "phone": unit.phone,
        "address": unit.address,
        "sort_order": unit.sort_order,
        "is_active": "on",
        "parent": unit.parent_id,
    }
    return data | changes


def test_station_leader_renames_his_station(cast, login):
    response = login(cast.station_leader).post(
        edit(cast.station_a), form(cast.station_a, name="甲公路站")
    )
    assert response.status_code == 302
    assert Unit.objects.get(pk=cast.station_a.pk).name == "甲公路站"


def test_leader_moves_a_station_under_the_office(cast, login):
    login(cast.leader).post(edit(cast.station_b), form(cast.station_b, parent=cast.office.pk))
    assert Unit.objects.get(pk=cast.station_b.pk).parent_id == cast.office.pk


def test_cycle_is_refused_with_a_message(cast, login):
    response = login(cast.leader).post(edit(cast.office), form(cast.office))
    assert response.status_code == 302
    child = actions.unit_create(name="子", kind="office", parent=cast.office, actor=Actor.system())
    response = login(cast.leader).post(edit(cast.office), form(cast.office, parent=child.pk))
    assert response.status_code == 200
    assert "不能移到它自己" in response.content.decode()
    assert Unit.objects.get(pk=cast.office.pk).parent_id == cast.root.pk


def test_bad_phone_shows_the_form_again(cast, login):
    response = login(cast.leader).post(edit(cast.station_a), form(cast.station_a, phone="abc"))
    assert response.status_code == 200 and "abc" in response.content.decode()


def test_handler_gets_403_and_outsider_404(cast, login):
    assert login(cast.handler).get(edit(cast.station_a)).status_code == 403
    assert login(cast.station_leader).get(edit(cast.station_b)).status_code == 403
    assert login(cast.outsider).get(edit(cast.station_a)).status_code == 404


def test_anonymous_is_sent_to_login(cast, client):
    assert client.get(edit(cast.station_a)).status_code == 302


def test_leader_adds_a_unit(cast, login):
    response = login(cast.leader).post(
        f"/workbench/org/units/{cast.root.pk}/add-unit/",
        {"name": "丙站", "kind": "station", "code": "bing", "sort_order": "3"},
    )
    assert response.status_code == 302
    assert Unit.objects.get(code="bing").parent_id == cast.root.pk


def test_adding_a_unit_needs_governance(cast, login):
    url = f"/workbench/org/units/{cast.station_a.pk}/add-unit/"
    assert login(cast.handler).get(url).status_code == 403
    assert login(cast.outsider).get(url).status_code == 404

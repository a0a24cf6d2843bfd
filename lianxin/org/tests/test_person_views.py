"""/workbench/org/people/, person detail, add and edit pages."""

import pytest

from lianxin.org.models import Person

pytestmark = pytest.mark.django_db


def test_people_list_searches_the_organisation(cast, login):
    page = login(cast.handler).get("/workbench/org/people/?q=承办").content.decode()
    assert "杨承办" in page and "郭承办" in page and "张局长" not in page
    assert "外人" not in login(cast.handler).get("/workbench/org/people/").content.decode()


def test_people_list_anonymous_and_nobody(cast, client, login):
    assert client.get("/workbench/org/people/").status_code == 302
    assert login(cast.nobody).get("/workbench/org/people/").status_code == 403


def test_phone_is_shown_to_the_person_and_his_governors_only(cast, login):
    url = f"/workbench/org/people/{cast.people.handler.pk}/"
    assert "13900000002" in login(cast.handler).get(url).content.decode()
    assert "13900000002" in login(cast.station_leader).get(url).content.decode()
    page = login(cast.handler_b).get(url).content.decode()
    assert "杨承办" in page and "13900000002" not in page


def test_person_detail_outsider_gets_404(cast, login):
    url = f"/workbench/org/people/{cast.people.handler.pk}/"
    assert login(cast.outsider).get(url).status_code == 404


def test_station_leader_adds_a_person(cast, login):
    response = login(cast.station_leader).post(
        f"/workbench/org/units/{cast.station_a.pk}/add-person/",
        {
            "username": "newbie",
            "name": "新同志",
            "unit": cast.station_a.pk,
            "position": "养护工",
            "phone": "13700001111",
            "password": "Qingshan#2026road",
        },
    )
    assert response.status_code == 302
    person = Person.objects.get(user__username="newbie")
    assert person.user.check_password("Qingshan#2026road")


def test_add_person_with_bad_phone_and_weak_password_writes_nothing(cast, login):
    response = login(cast.station_leader).post(
        f"/workbench/org/units/{cast.station_a.pk}/add-person/",
        {"username": "newbie", "name": "新同志", "unit": cast.station_a.pk, "phone": "110"},
    )
    assert response.status_code == 200 and "110" in response.content.decode()
    response = login(cast.station_leader).post(
        f"/workbench/org/units/{cast.station_a.pk}/add-person/",
        {"username": "newbie", "name": "新同志", "unit": cast.station_a.pk, "password": "123"},
    )
    assert response.status_code == 200
    assert not Person.objects.filter(user__username="newbie").exists()


def test_add_person_needs_governance(cast, login):
    url = f"/workbench/org/units/{cast.station_b.pk}/add-person/"
    assert login(cast.station_leader).get(url).status_code == 403
    assert login(cast.outsider).get(url).status_code == 404


def test_edit_person(cast, login):
    person = cast.people.handler
    url = f"/workbench/org/people/{person.pk}/edit/"
    response = login(cast.station_leader).post(
        url,
        {
            "name": "杨承办",
            "unit": cast.station_a.pk,
            "position": "副站长",
            "phone": "13900000002",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert Person.objects.get(pk=person.pk).position == "副站长"
    assert login(cast.handler_b).get(url).status_code == 403
    assert login(cast.outsider).get(url).status_code == 404


def test_people_search_does_not_reveal_who_owns_a_phone_number(cast, login):
    page = login(cast.handler_b).get("/workbench/org/people/?q=13900000002").content.decode()
    assert "杨承办" not in page

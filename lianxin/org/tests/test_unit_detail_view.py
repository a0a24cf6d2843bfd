"""/workbench/org/units/<id>/"""

import pytest

pytestmark = pytest.mark.django_db


def url(unit):
    return f"/workbench/org/units/{unit.pk}/"


def test_staff_of_the_organisation_see_a_unit(cast, login):
    page = login(cast.handler_b).get(url(cast.station_a)).content.decode()
    assert "甲站" in page and "杨承办" in page
    assert "/edit/" not in page  # no edit buttons for those who do not govern it


def test_governor_sees_the_edit_buttons(cast, login):
    assert (
        f"/workbench/org/units/{cast.station_a.pk}/edit/"
        in login(cast.station_leader).get(url(cast.station_a)).content.decode()
    )


def test_outsider_gets_404(cast, login):
    assert login(cast.outsider).get(url(cast.station_a)).status_code == 404


def test_unknown_unit_is_404(cast, login):
    assert login(cast.leader).get("/workbench/org/units/999999/").status_code == 404


def test_anonymous_is_sent_to_login(cast, client):
    assert client.get(url(cast.station_a)).status_code == 302


def test_the_page_takes_as_many_queries_for_3_people_as_for_15(cast, login):
    from conftest import count_queries, make_person
    from lianxin.org.models import Role

    def hire(start, n):
        for i in range(start, start + n):
            roles = [(Role.HANDLER, cast.station_a)] if i % 2 else []
            make_person(f"worker{i}", f"养护工{i}", cast.station_a, roles=roles)

    client = login(cast.station_leader)
    url = f"/workbench/org/units/{cast.station_a.pk}/"
    hire(0, 3)
    page, few = count_queries(client, url)
    assert "养护工2" in page.text
    hire(3, 12)
    page, many = count_queries(client, url)
    assert "养护工14" in page.text
    assert many == few

"""/api/v1/org/: the unit tree and people as JSON."""

import pytest

pytestmark = pytest.mark.django_db


def test_units_lists_the_callers_organisation(cast, login):
    response = login(cast.handler).get("/api/v1/org/units")
    assert response.status_code == 200
    units = {u["name"]: u for u in response.json()}
    assert set(units) == {"测试公路段", "办公室", "甲站", "乙站"}
    assert units["甲站"]["leaders"] == ["吴站长"]
    assert units["甲站"]["parent_id"] == cast.root.pk


def test_unit_people_and_outsider_404(cast, login):
    url = f"/api/v1/org/units/{cast.station_a.pk}/people"
    names = {p["name"] for p in login(cast.leader).get(url).json()}
    assert names == {"吴站长", "杨承办"}
    response = login(cast.outsider).get(url)
    assert response.status_code == 404
    assert "杨承办" not in response.content.decode()


def test_me(cast, login):
    body = login(cast.handler).get("/api/v1/org/me").json()
    assert body["person"]["name"] == "杨承办"
    assert body["person"]["roles"] == [
        {"unit_id": cast.station_a.pk, "unit": "甲站", "role": "handler"}
    ]


def test_anonymous_gets_401_and_nobody_403(cast, client, login):
    assert client.get("/api/v1/org/units").status_code == 401
    assert login(cast.nobody).get("/api/v1/org/units").status_code == 403


def test_openapi_is_served(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/org/units" in spec["paths"]

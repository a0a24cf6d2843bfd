"""/api/v1/contact-points/: listed for those who lead the cadres, assigned by administrators
(others 403), ids of another organisation refused together (422), every field error at once."""

import json

from lianxin.api.tests.client import bearer
from lianxin.liaison.models import ContactPoint


def post(client, body):
    return client.post("/api/v1/contact-points/", json.dumps(body), content_type="application/json")


def test_an_administrator_assigns_and_the_cadre_sees_his_point(lx):
    body = {"person": lx.people.handler_b.pk, "place": lx.school.pk, "visits_per_month": 2}
    r = post(bearer(lx.admin), body)
    assert r.status_code == 201, r.content
    assert r.json()["place_name"] == "乙校" and r.json()["visits_per_month"] == 2
    mine = bearer(lx.station_leader).get("/api/v1/contact-points/").json()
    assert [p["place_name"] for p in mine] == ["甲村"]


def test_every_field_error_at_once_and_ids_of_another_organisation(lx):
    admin = bearer(lx.admin)
    r = post(admin, {"person": "x", "visits_per_month": 40})
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["detail"]} == {"person", "place", "visits_per_month"}
    r = post(admin, {"person": lx.people.outsider.pk, "place": 10**9})
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["detail"]} == {"person", "place"}
    assert ContactPoint.objects.count() == 1


def test_others_may_not_assign_and_outsiders_see_nothing_of_ours(lx):
    body = {"person": lx.people.handler_b.pk, "place": lx.school.pk}
    assert post(bearer(lx.handler), body).status_code == 403
    assert post(bearer(lx.outsider), body).status_code == 422  # not of his organisation
    assert bearer(lx.outsider).get("/api/v1/contact-points/").json() == []
    assert ContactPoint.objects.count() == 1

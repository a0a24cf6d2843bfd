"""/api/v1/liaison/stints: an administrator plans a stationed stint (驻村) through the API, the
cadre reports his days and reads it back; every field error at once with nothing written;
outsiders 404."""

from lianxin.api.tests.client import bearer, post
from lianxin.liaison.models import Stint

URL = "/api/v1/liaison/stints"


def plan(lx):
    body = {
        "person": lx.people.station_leader.pk,
        "place": lx.village.pk,
        "starts_on": "2026-11-01",
        "ends_on": "2026-11-30",
    }
    return post(bearer(lx.admin), URL, body)


def test_the_administrator_plans_and_the_cadre_reports_his_days(lx):
    r = plan(lx)
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    cadre = bearer(lx.station_leader)
    r = post(cadre, f"{URL}/{pk}/days", {"days": 12})
    assert r.status_code == 200, r.content
    mine = cadre.get(URL).json()
    assert [(s["place_name"], s["days_spent"]) for s in mine] == [("甲村", 12)]
    r = post(cadre, f"{URL}/{pk}/days", {"days": 31})  # the stint lasts 30 days
    assert r.status_code == 400 and r.json()["detail"][0]["field"] == "days"


def test_every_field_error_at_once_and_nothing_written(lx):
    admin = bearer(lx.admin)
    r = post(admin, URL, {"person": 0, "starts_on": "someday"})
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["detail"]} == {"person", "place", "starts_on", "ends_on"}
    body = {"person": lx.people.outsider.pk, "place": 10**9, "starts_on": "2026-11-01"}
    r = post(admin, URL, {**body, "ends_on": "2026-11-30"})
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["detail"]} == {"person", "place"}
    assert not Stint.objects.exists()


def test_others_may_not_plan_and_outsiders_get_404(lx):
    pk = plan(lx).json()["id"]
    body = {
        "person": lx.people.handler.pk,
        "place": lx.village.pk,
        "starts_on": "2026-11-01",
        "ends_on": "2026-11-30",
    }
    assert post(bearer(lx.handler), URL, body).status_code == 403
    outsider = bearer(lx.outsider)
    assert post(outsider, f"{URL}/{pk}/days", {"days": 3}).status_code == 404
    assert post(bearer(lx.handler_b), f"{URL}/{pk}/days", {"days": 3}).status_code == 404
    assert outsider.get(URL).json() == []
    assert Stint.objects.get().days_spent == 0

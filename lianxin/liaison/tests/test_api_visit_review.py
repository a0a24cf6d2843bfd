"""/api/v1/liaison/visits: a cadre records a visit, his leader checks it and the cadre turns
its need into a case, all through the API; every field error at once with nothing written;
the cadre may not check his own entry; outsiders 404."""

from datetime import datetime

from django.utils import timezone

from lianxin.api.tests.client import bearer, post
from lianxin.cases.models import Case
from lianxin.core import clock
from lianxin.liaison.models import Visit

NOW = timezone.make_aware(datetime(2026, 11, 20, 10))


def record(lx, cadre):
    body = {
        "place": lx.village.pk,
        "day": "2026-11-18",
        "met": "李大爷",
        "said": "村口涵洞堵了",
        "needs": ["疏通村口涵洞"],
    }
    with clock.frozen_at(NOW):
        r = post(cadre, "/api/v1/liaison/visits", body)
    assert r.status_code == 201, r.content
    return r.json()


def test_the_leader_checks_and_the_cadre_turns_the_need_into_a_case(lx):
    cadre = bearer(lx.station_leader)
    visit = record(lx, cadre)
    url = f"/api/v1/liaison/visits/{visit['id']}"
    r = post(bearer(lx.leader), f"{url}/review", {"comment": "记录具体"})
    assert r.status_code == 200, r.content
    assert cadre.get(url).json()["checked"] is True
    need = visit["needs"][0]["id"]
    r = post(cadre, f"/api/v1/liaison/needs/{need}/case", {"category": lx.category.pk})
    assert r.status_code == 201, r.content
    assert cadre.get(url).json()["needs"][0]["case"] == r.json()["case"]
    assert Case.objects.get(code=r.json()["case"]).channel == "visit"


def test_every_field_error_at_once_and_nothing_written(lx):
    cadre = bearer(lx.station_leader)
    visit = record(lx, cadre)
    r = post(bearer(lx.leader), f"/api/v1/liaison/visits/{visit['id']}/review", {"comment": 5})
    assert r.status_code == 422 and [e["field"] for e in r.json()["detail"]] == ["comment"]
    need = visit["needs"][0]["id"]
    r = post(cadre, f"/api/v1/liaison/needs/{need}/case", {"category": 10**9})
    assert r.status_code == 422 and [e["field"] for e in r.json()["detail"]] == ["category"]
    assert Visit.objects.get().reviewed_at is None and not Case.objects.exists()


def test_the_cadre_may_not_check_himself_and_outsiders_get_404(lx):
    cadre = bearer(lx.station_leader)
    visit = record(lx, cadre)
    url = f"/api/v1/liaison/visits/{visit['id']}/review"
    assert post(cadre, url, {}).status_code == 403
    outsider = bearer(lx.outsider)
    assert post(outsider, url, {}).status_code == 404
    need = visit["needs"][0]["id"]
    assert post(outsider, f"/api/v1/liaison/needs/{need}/case", {"category": 1}).status_code == 404
    assert Visit.objects.get().reviewed_at is None and not Case.objects.exists()

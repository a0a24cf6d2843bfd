"""/api/v1/liaison/research: the organ records a symposium at a station through the API, each
problem becoming a case of the office responsible; read back by the station; every field
error at once with nothing written; stations may not record, outsiders 404."""

import json
from datetime import datetime

from django.utils import timezone

from lianxin.api.tests.client import bearer
from lianxin.cases.models import Case
from lianxin.core import clock
from lianxin.liaison.models import ResearchVisit

URL = "/api/v1/liaison/research"
NOW = timezone.make_aware(datetime(2026, 11, 20, 10))


def post(client, body):
    return client.post(URL, json.dumps(body), content_type="application/json")


def body(lx, **kw):
    b = {
        "station": lx.station_a.pk,
        "kind": "symposium",
        "day": "2026-11-12",
        "team": "张局长",
        "attendees": "甲站全体职工",
        "problems": [{"text": "值班宿舍漏雨", "office": lx.office.pk}],
        "category": lx.category.pk,
    }
    b.update(kw)
    return b


def test_the_organ_records_a_symposium_and_the_station_reads_it(lx):
    with clock.frozen_at(NOW):
        r = post(bearer(lx.leader), body(lx))
        assert r.status_code == 201, r.content
        problem = r.json()["problems"][0]
        assert problem["office"] == "办公室"
        case = Case.objects.get(code=problem["case"])
        assert case.lead_unit_id == lx.office.pk
        got = bearer(lx.station_leader).get(f"{URL}/{r.json()['id']}").json()
        assert got["attendees"] == "甲站全体职工" and got["problems"][0]["text"] == "值班宿舍漏雨"


def test_every_field_error_at_once_and_nothing_written(lx):
    leader = bearer(lx.leader)
    r = post(leader, {"kind": "picnic", "day": "2026-13-01", "team": "", "problems": [{}]})
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["detail"]}
    assert fields == {"station", "kind", "day", "team", "attendees", "problems.text"}
    bad = body(lx, station=lx.office.pk, category=10**9)
    bad["problems"][0]["office"] = lx.station_b.pk  # a station is not an office
    r = post(leader, bad)
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["detail"]}
    assert fields == {"station", "category", "problems.office"}
    assert not ResearchVisit.objects.exists() and not Case.objects.exists()


def test_a_station_may_not_record_and_outsiders_get_404(lx):
    with clock.frozen_at(NOW):
        assert post(bearer(lx.station_leader), body(lx)).status_code == 403
        pk = post(bearer(lx.leader), body(lx)).json()["id"]
    outsider = bearer(lx.outsider)
    assert outsider.get(f"{URL}/{pk}").status_code == 404
    assert outsider.get(URL).json() == []
    assert bearer(lx.handler_b).get(f"{URL}/{pk}").status_code == 404  # another station
    assert ResearchVisit.objects.count() == 1

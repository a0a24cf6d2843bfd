"""/api/v1/catalog/requests/{code}/<step>: a service request worked through the API by the
unit's handler and leader; outsiders 404, others 403; every field error at once."""

import json
from datetime import datetime

from django.utils import timezone

from lianxin.api.tests.client import bearer
from lianxin.core import clock

from .conftest import register

NOW = timezone.make_aware(datetime(2026, 11, 3, 10))


def post(client, code, step, body):
    url = f"/api/v1/catalog/requests/{code}/{step}"
    return client.post(url, json.dumps(body), content_type="application/json")


def test_a_request_is_paused_resumed_extended_and_completed_by_the_api(sv):
    with clock.frozen_at(NOW):
        req, _secret = register(sv)
        handler, leader = bearer(sv.handler), bearer(sv.station_leader)
        r = post(handler, req.code, "pause", {"version": req.version, "missing": ["身份证"]})
        assert r.status_code == 200, r.content
        assert r.json()["status"] == "paused"
        r = post(handler, req.code, "resume", {"version": r.json()["version"]})
        assert r.json()["status"] == "in_progress"
        r = post(handler, req.code, "extend", {"workdays": 3, "reason": "需现场勘验"})
        assert r.status_code == 200, r.content
        due = r.json()["due_at"]
        r = post(leader, req.code, "decide-extension", {"approve": True})
        assert r.status_code == 200 and r.json()["due_at"] > due
        r = post(handler, req.code, "complete", {"decision": "approved"})
        assert r.json()["status"] == "completed" and r.json()["decision"] == "approved"
        stale = post(handler, req.code, "resume", {"version": 1})
        assert stale.status_code == 400 and stale.json()["detail"][0]["code"] == "stale"


def test_every_field_error_at_once_and_who_may_not(sv):
    with clock.frozen_at(NOW):
        req, _secret = register(sv)
        handler = bearer(sv.handler)
        r = post(handler, req.code, "extend", {"version": "x", "workdays": 99, "reason": ""})
        assert r.status_code == 422
        assert {e["field"] for e in r.json()["detail"]} == {"version", "workdays", "reason"}
        r = post(handler, req.code, "complete", {"decision": "maybe"})
        assert r.status_code == 422 and r.json()["detail"][0]["field"] == "decision"
        assert post(bearer(sv.outsider), req.code, "resume", {}).status_code == 404
        assert post(bearer(sv.handler_b), req.code, "pause", {"missing": ["x"]}).status_code == 403
        assert handler.get(f"/api/v1/catalog/requests/{req.code}").json()["status"] == "in_progress"

"""POST /api/v1/cases/{code}/steps/<name>: every step of steps.STEPS with a schema, typed,
every field error at once (422), outsiders 404, and the loop of a case taken through it."""

import json

from lianxin.api.tests.client import bearer
from lianxin.cases import steps
from lianxin.cases.models import Case


def step(client, case_or_code, name, body):
    code = getattr(case_or_code, "code", case_or_code)
    url = f"/api/v1/cases/{code}/steps/{name}"
    return client.post(url, json.dumps(body), content_type="application/json")


def test_every_field_error_of_a_body_is_listed_at_once(cc, make_case):
    case = make_case("received")
    client = bearer(cc.dispatcher)
    r = step(client, case, "dispatch", {"version": "x", "co_units": ["a"], "note": "n" * 2000})
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["detail"]}
    assert fields == {"version", "unit", "co_units", "note"}
    assert all(e["message"] for e in r.json()["detail"])
    assert Case.objects.get(pk=case.pk).status == "received"


def test_units_and_people_of_another_organisation_are_refused_together(cc, make_case):
    case = make_case("received")
    client = bearer(cc.dispatcher)
    body = {
        "version": case.version,
        "unit": cc.other.pk,
        "co_units": [cc.station_b.pk, cc.other.pk],
        "handler": cc.people.outsider.pk,
    }
    r = step(client, case, "dispatch", body)
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["detail"]} == {"unit", "co_units", "handler"}
    assert Case.objects.get(pk=case.pk).status == "received"


def test_an_outsider_gets_404_and_a_wrong_role_403(cc, make_case):
    case = make_case("in_progress")
    r = step(bearer(cc.outsider), case, "reply", {"version": case.version, "reply": "越权"})
    assert r.status_code == 404
    r = step(bearer(cc.dispatcher), case, "reply", {"version": case.version, "reply": "越权"})
    assert r.status_code == 403
    r = step(bearer(cc.handler), "NOPE", "reply", {"version": 1, "reply": "x"})
    assert r.status_code == 404


def test_a_refused_step_answers_400_with_its_reason(cc, make_case):
    case = make_case("dispatched")
    r = step(bearer(cc.handler), case, "reply", {"version": case.version, "reply": "已修复"})
    assert r.status_code == 400 and r.json()["detail"][0]["code"] == "wrong_state"
    r = step(bearer(cc.handler), case, "accept", {"version": case.version - 1})
    assert r.status_code == 400 and r.json()["detail"][0]["code"] == "stale"


def test_a_case_goes_through_its_steps_by_the_api_and_lists_what_comes_next(cc, make_case):
    case = make_case("received")
    dispatcher, handler = bearer(cc.dispatcher), bearer(cc.handler)
    leader, supervisor = bearer(cc.station_leader), bearer(cc.supervisor)
    detail = dispatcher.get(f"/api/v1/cases/{case.code}").json()
    assert {"dispatch", "decline", "merge"} <= set(detail["allowed_steps"])

    def go(client, name, **body):
        nonlocal detail
        r = step(client, case, name, {"version": detail["version"], **body})
        assert r.status_code == 200, (name, r.content)
        detail = r.json()
        return detail

    go(dispatcher, "dispatch", unit=cc.station_a.pk)
    assert "accept" in handler.get(f"/api/v1/cases/{case.code}").json()["allowed_steps"]
    go(handler, "accept")
    go(leader, "assign", handler=cc.people.handler.pk)
    go(handler, "pause", question="请提供具体位置")
    listed = handler.get(f"/api/v1/cases/{case.code}").json()["allowed_steps"]
    assert "resume" in listed and "reply" not in listed and "pause" not in listed
    go(handler, "resume", note="群众已补充")
    go(handler, "request_extension", workdays=3, reason="需协调")
    assert (
        "decide_extension" in dispatcher.get(f"/api/v1/cases/{case.code}").json()["allowed_steps"]
    )
    go(dispatcher, "decide_extension", approve=True)
    go(supervisor, "supervise", level=3, note="挂牌")
    go(supervisor, "lift_flag", reason="已按期办结")
    go(handler, "note", note="已电话联系")
    assert go(handler, "reply", reply="已修复")["status"] == "replied"
    go(bearer(cc.operator), "callback", rating=1, solved=False, comment="不满意")
    assert "appeal" in leader.get(f"/api/v1/cases/{case.code}").json()["allowed_steps"]
    go(leader, "appeal", reason="恶意差评")
    go(supervisor, "decide_appeal", approve=False)
    assert go(supervisor, "confirm")["status"] == "closed"
    assert go(supervisor, "reopen", reason="重办")["status"] == "in_progress"


def test_the_openapi_document_has_every_api_step_with_an_example(client):
    spec = client.get("/api/v1/openapi.json").json()
    for declared in steps.STEPS_LIST:
        path = f"/api/v1/cases/{{code}}/steps/{declared.name}"
        if declared.schema is None:
            assert path not in spec["paths"]
            continue
        body = spec["paths"][path]["post"]["requestBody"]["content"]["application/json"]
        assert body["example"] == declared.example
        assert "422" in spec["paths"][path]["post"]["responses"]


def test_steps_without_a_schema_are_not_reachable(cc, make_case):
    case = make_case("replied")
    r = step(bearer(cc.supervisor), case, "autoclose", {"version": case.version})
    assert r.status_code == 404  # closing by time is the clock's (Actor.system), no client's

"""/api/v1/cases/: bearer tokens for systems and staff, create, list, read, every step."""

import json

from django.test import Client

from lianxin.cases.models import Case
from lianxin.core.actions import api_token_create, api_token_revoke
from lianxin.core.actor import Actor


def bearer(user, name="12345热线平台"):
    _token, raw = api_token_create(user=user, name=name, actor=Actor.system())
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}"), _token


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def new_case(cc, **kw):
    body = {
        "kind": "complaint",
        "channel": "hotline",
        "category": cc.road.pk,
        "content": "石桥乡下庄村路灯不亮",
        "citizen_phone": "13512340000",
        "submit_token": "api-1",
    }
    body.update(kw)
    return body


def test_a_trusted_system_creates_a_case_once_per_idempotency_key(cc):
    client, _ = bearer(cc.operator)
    r = post(client, "/api/v1/cases/", new_case(cc))
    assert r.status_code == 201, r.content
    body = r.json()
    assert body["status"] == "received" and len(body["secret"]) == 14
    again = post(client, "/api/v1/cases/", new_case(cc))
    assert again.json()["code"] == body["code"] and Case.objects.count() == 1


def test_another_login_s_same_key_never_returns_that_case_or_its_secret(cc):
    from conftest import make_person
    from lianxin.org.models import Role

    mine, _ = bearer(cc.operator)
    first = post(mine, "/api/v1/cases/", new_case(cc)).json()
    other = make_person("operator2", "周话务", cc.office, roles=[(Role.OPERATOR, cc.root)])
    theirs, _ = bearer(other.user, name="另一个平台")
    r = post(theirs, "/api/v1/cases/", new_case(cc, content="另一个系统的诉求"))
    assert r.status_code == 201 and r.json()["code"] != first["code"]
    assert r.json()["secret"] != first["secret"] and Case.objects.count() == 2
    long = post(mine, "/api/v1/cases/", new_case(cc, submit_token="k" * 5000))
    assert long.status_code == 422 and Case.objects.count() == 2


def test_an_unknown_unit_or_an_absurd_offset_is_refused_not_every_case(cc, make_case):
    make_case("received")
    client, _ = bearer(cc.dispatcher)
    r = client.get("/api/v1/cases/", {"unit": 999999})
    assert r.status_code == 400 and "unit" in r.content.decode()
    for offset in (2**63, 2**64, 10**30, -1):
        r = client.get("/api/v1/cases/", {"offset": offset})
        assert r.status_code == 422 and r.json()["detail"][0]["field"] == "offset", offset
    assert client.get("/api/v1/cases/", {"offset": 10**9}).json()["items"] == []
    for field in ("unit", "category"):
        r = client.get("/api/v1/cases/", {field: 10**30})
        assert r.status_code == 422 and r.json()["detail"][0]["field"] == field, field


def test_bad_input_answers_400_with_the_field(cc):
    client, _ = bearer(cc.operator)
    r = post(client, "/api/v1/cases/", new_case(cc, citizen_phone="12", submit_token="x"))
    assert r.status_code == 400
    assert r.json()["detail"][0]["field"] == "citizen_phone"
    r = post(client, "/api/v1/cases/", {"kind": "complaint"})
    assert r.status_code == 422  # the body does not fit: every missing field at once
    assert {e["field"] for e in r.json()["detail"]} == {"channel", "category", "content"}
    assert not Case.objects.exists()


def test_no_token_a_wrong_token_or_a_revoked_token_is_401(cc):
    assert Client().get("/api/v1/cases/").status_code == 401
    assert Client(HTTP_AUTHORIZATION="Bearer lx_nope").get("/api/v1/cases/").status_code == 401
    client, token = bearer(cc.dispatcher)
    assert client.get("/api/v1/cases/").status_code == 200
    api_token_revoke(token=token, actor=Actor.system())
    assert client.get("/api/v1/cases/").status_code == 401


def test_list_filters_read_and_steps_with_versions(cc, make_case):
    case = make_case("received")
    other = make_case("in_progress")
    dispatcher, _ = bearer(cc.dispatcher)
    listed = dispatcher.get("/api/v1/cases/", {"status": "received"}).json()
    assert listed["count"] == 1 and listed["items"][0]["code"] == case.code
    assert listed["items"][0]["citizen_phone"] == "138****5678"
    detail = dispatcher.get(f"/api/v1/cases/{case.code}").json()
    assert "dispatch" in detail["allowed_steps"] and detail["events"][0]["action"] == "receive"
    r = post(
        dispatcher,
        f"/api/v1/cases/{case.code}/steps/dispatch",
        {"version": detail["version"], "unit": cc.station_a.pk, "co_units": [cc.station_b.pk]},
    )
    assert r.status_code == 200, r.content
    assert r.json()["status"] == "dispatched" and r.json()["lead_unit"] == "甲站"
    stale = post(
        dispatcher,
        f"/api/v1/cases/{case.code}/steps/dispatch",
        {"version": detail["version"], "unit": cc.station_b.pk},
    )
    assert stale.status_code == 400
    handler, _ = bearer(cc.handler)
    version = r.json()["version"]
    r = post(handler, f"/api/v1/cases/{case.code}/steps/accept", {"version": version})
    assert r.json()["status"] == "in_progress"
    r = post(
        handler,
        f"/api/v1/cases/{case.code}/steps/reply",
        {"version": r.json()["version"], "reply": "路灯已修复"},
    )
    assert r.json()["status"] == "replied"
    r = post(
        dispatcher,
        f"/api/v1/cases/{other.code}/steps/reply",
        {"version": other.version, "reply": "越权答复"},
    )
    assert r.status_code == 403
    outsider, _ = bearer(cc.outsider)
    assert outsider.get(f"/api/v1/cases/{case.code}").status_code == 404


def test_full_contact_through_the_api_is_recorded(cc, make_case):
    case = make_case("in_progress")
    handler, _ = bearer(cc.handler)
    r = handler.post(f"/api/v1/cases/{case.code}/contact")
    assert r.json()["phone"] == "13812345678"
    leader, _ = bearer(cc.station_leader)
    assert leader.post(f"/api/v1/cases/{case.code}/contact").status_code == 403


def test_the_openapi_document_lists_the_case_endpoints(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/cases/" in spec["paths"]
    assert "/api/v1/cases/{code}/steps/dispatch" in spec["paths"]


def test_a_handler_cannot_register_cases_through_the_api(cc):
    client, _ = bearer(cc.handler)
    assert post(client, "/api/v1/cases/", new_case(cc)).status_code == 403


def test_the_files_of_a_case_through_the_api_for_those_who_see_it(cc):
    from lianxin.cases import actions
    from lianxin.core import files, samples

    case, _secret = actions.case_receive(
        root=cc.root,
        kind="complaint",
        channel="web",
        category=cc.road,
        content="桥头护栏损坏，见照片",
        citizen_phone="13566667777",
        files=files.accept([("护栏.png", samples.png())]),
        actor=Actor.citizen("web"),
    )
    client, _token = bearer(cc.dispatcher, name="调度台")
    [event] = client.get(f"/api/v1/cases/{case.code}").json()["events"]
    [listed] = event["files"]
    assert (listed["name"], listed["content_type"]) == ("护栏.png", "image/png")
    served = client.get(listed["url"])
    assert served.status_code == 200 and b"".join(served.streaming_content) == samples.png()
    other, _token = bearer(cc.outsider, name="外县")
    assert other.get(listed["url"]).status_code == 404

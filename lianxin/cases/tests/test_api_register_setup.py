"""/api/v1/register/: categories and time limits through the API (administrators write,
staff of the organisation read, others 404), every field error at once."""

import json

from lianxin.api.tests.client import bearer
from lianxin.cases.models import Category, TimeLimit


def send(client, method, url, body):
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


def test_an_administrator_adds_and_changes_a_category(cc):
    admin = bearer(cc.admin)
    r = send(
        admin,
        "post",
        "/api/v1/register/categories",
        {"name": "路灯照明", "default_unit": cc.station_a.pk},
    )
    assert r.status_code == 201, r.content
    made = r.json()
    assert made["default_unit_name"] == "甲站" and made["is_active"]
    r = send(
        admin,
        "put",
        f"/api/v1/register/categories/{made['id']}",
        {"name": "路灯", "is_active": False},
    )
    assert r.status_code == 200 and r.json()["name"] == "路灯" and not r.json()["is_active"]
    names = [c["name"] for c in bearer(cc.handler).get("/api/v1/register/categories").json()]
    assert "路灯" in names and "外县分类" not in names


def test_every_field_error_of_a_category_at_once_and_nothing_saved(cc):
    before = Category.objects.count()
    r = send(
        bearer(cc.admin),
        "post",
        "/api/v1/register/categories",
        {"name": "", "sort_order": -1, "is_active": "maybe"},
    )
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["detail"]} == {"name", "sort_order", "is_active"}
    r = send(
        bearer(cc.admin),
        "post",
        "/api/v1/register/categories",
        {"name": "外县的站", "default_unit": cc.other.pk},
    )
    assert r.status_code == 422 and r.json()["detail"][0]["field"] == "default_unit"
    assert Category.objects.count() == before


def test_others_may_not_write_and_outsiders_do_not_reach_the_rows(cc):
    r = send(bearer(cc.handler), "post", "/api/v1/register/categories", {"name": "越权"})
    assert r.status_code == 403
    r = send(
        bearer(cc.outsider), "put", f"/api/v1/register/categories/{cc.road.pk}", {"name": "越权"}
    )
    assert r.status_code == 404
    limit = send(
        bearer(cc.admin), "post", "/api/v1/register/time-limits", {"reply_workdays": 7}
    ).json()
    assert (
        bearer(cc.outsider).delete(f"/api/v1/register/time-limits/{limit['id']}").status_code == 404
    )
    assert TimeLimit.objects.filter(pk=limit["id"]).exists()


def test_an_administrator_sets_lists_and_removes_a_time_limit(cc):
    admin = bearer(cc.admin)
    body = {"category": cc.road.pk, "kind": "complaint", "urgent": True, "reply_hours": 24}
    r = send(admin, "post", "/api/v1/register/time-limits", body)
    assert r.status_code == 200, r.content
    listed = admin.get("/api/v1/register/time-limits").json()
    assert [(t["category"], t["kind"], t["reply_hours"]) for t in listed] == [
        (cc.road.pk, "complaint", 24)
    ]
    r = send(
        admin,
        "post",
        "/api/v1/register/time-limits",
        {"kind": "nonsense", "reply_hours": 0, "accept_workdays": 400},
    )
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["detail"]} == {"kind", "reply_hours", "accept_workdays"}
    r = send(
        admin, "post", "/api/v1/register/time-limits", {"reply_hours": 24, "reply_workdays": 3}
    )
    assert r.status_code == 400 and r.json()["detail"][0]["field"] == "reply_hours"
    assert admin.delete(f"/api/v1/register/time-limits/{listed[0]['id']}").status_code == 204
    assert admin.get("/api/v1/register/time-limits").json() == []


def test_the_openapi_document_has_the_register_endpoints_with_examples(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/register/categories" in spec["paths"]
    schemas = spec["components"]["schemas"]
    assert schemas["CategoryIn"]["example"]["name"] == "路灯照明"
    assert schemas["TimeLimitIn"]["example"]["reply_workdays"] == 10

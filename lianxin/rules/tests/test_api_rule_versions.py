"""/api/v1/rules/: an administrator changes a draft version and reads who has confirmed
studying the version in force, then repeals the regulation, through the API; every field
error at once with nothing written; staff and outsiders 404."""

import json

from lianxin.api.tests.client import bearer
from lianxin.rules import actions
from lianxin.rules.models import Version

from .conftest import V2


def send(client, method, url, body=None):
    return getattr(client, method)(url, json.dumps(body or {}), content_type="application/json")


def draft(rc):
    return actions.version_draft(
        regulation=rc.reg, text=V2, issued_by=rc.office, applies_to=rc.root, actor=rc.admin
    )


def test_a_draft_changed_the_study_read_and_the_regulation_repealed(rc):
    admin = bearer(rc.admin)
    v2 = draft(rc)
    body = {"text": V2.replace("全体干部职工", "全体在编干部职工"), "document_no": "测〔2026〕1号"}
    r = send(admin, "put", f"/api/v1/rules/versions/{v2.pk}", body)
    assert r.status_code == 200, r.content
    assert any("在编" in c["text"] for c in r.json()["clauses"])
    assert r.json()["document_no"] == "测〔2026〕1号"
    r = send(admin, "put", f"/api/v1/rules/versions/{rc.v1.pk}", body)
    assert r.status_code == 400  # a version in force is never changed
    actions.version_acknowledge(version=rc.v1, actor=rc.handler)
    study = admin.get(f"/api/v1/rules/versions/{rc.v1.pk}/acknowledgements").json()
    station = next(row for row in study if row["unit"] == "甲站")
    assert station["done"] == 1 and "杨承办" not in [p["name"] for p in station["missing"]]
    r = send(admin, "post", f"/api/v1/rules/regulations/{rc.reg.pk}/repeal")
    assert r.status_code == 200, r.content
    assert r.json()["repealed_at"] is not None
    statuses = {v["number"]: v["status"] for v in r.json()["versions"]}
    assert statuses == {1: "repealed", 2: "draft"}


def test_every_field_error_at_once_and_nothing_written(rc):
    v2 = draft(rc)
    r = send(
        bearer(rc.admin),
        "put",
        f"/api/v1/rules/versions/{v2.pk}",
        {"document_no": "号" * 61, "effective_date": "soon"},
    )
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["detail"]} == {"text", "document_no", "effective_date"}
    v2.refresh_from_db()
    assert v2.text == V2.strip() and v2.document_no == ""


def test_staff_and_outsiders_get_404(rc):
    v2 = draft(rc)
    for user in (rc.handler, rc.outsider):
        client = bearer(user)
        assert (
            send(client, "put", f"/api/v1/rules/versions/{v2.pk}", {"text": "x"}).status_code == 404
        )
        assert (
            send(client, "post", f"/api/v1/rules/regulations/{rc.reg.pk}/repeal").status_code == 404
        )
        assert client.get(f"/api/v1/rules/versions/{rc.v1.pk}/acknowledgements").status_code == 404
    assert Version.objects.get(pk=rc.v1.pk).status == "in_force"
    assert Version.objects.get(pk=v2.pk).text == V2.strip()

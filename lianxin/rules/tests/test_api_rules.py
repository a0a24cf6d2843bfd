"""/api/v1/rules/: regulations read by the organisation's staff, drafted and enforced by its
administrators, confirmed by the cadres they apply to; outsiders 404; every field error at
once."""

import json

from lianxin.api.tests.client import bearer
from lianxin.rules.models import Acknowledgement, Version

from .conftest import V2


def post(client, url, body=None):
    return client.post(url, json.dumps(body or {}), content_type="application/json")


def test_staff_read_the_version_in_force_and_confirm_their_study(rc):
    handler = bearer(rc.handler)
    [reg] = handler.get("/api/v1/rules/regulations").json()
    assert reg["code"] == "zuofeng" and reg["versions"][0]["status"] == "in_force"
    version = handler.get(f"/api/v1/rules/versions/{rc.v1.pk}").json()
    assert version["clauses"][0]["text"].startswith("为加强作风建设")
    r = post(handler, f"/api/v1/rules/versions/{rc.v1.pk}/acknowledge")
    assert r.status_code == 200, r.content
    assert Acknowledgement.objects.filter(version=rc.v1, person=rc.people.handler).exists()


def test_an_administrator_drafts_and_enforces_a_new_version(rc):
    admin = bearer(rc.admin)
    body = {"text": V2, "issued_by": rc.office.pk, "applies_to": rc.root.pk}
    r = post(admin, f"/api/v1/rules/regulations/{rc.reg.pk}/versions", body)
    assert r.status_code == 201, r.content
    draft = r.json()
    assert draft["number"] == 2 and draft["status"] == "draft"
    r = post(admin, f"/api/v1/rules/versions/{draft['id']}/enforce")
    assert r.status_code == 200 and r.json()["status"] == "in_force"
    r = post(admin, "/api/v1/rules/regulations", {"code": "chuchai", "title": "出差管理办法"})
    assert r.status_code == 201 and r.json()["versions"] == []


def test_every_field_error_at_once_and_units_of_another_organisation(rc):
    admin = bearer(rc.admin)
    url = f"/api/v1/rules/regulations/{rc.reg.pk}/versions"
    r = post(admin, url, {"text": "", "issued_by": 0, "effective_date": "soon"})
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["detail"]}
    assert fields == {"text", "issued_by", "applies_to", "effective_date"}
    r = post(admin, url, {"text": V2, "issued_by": rc.other.pk, "applies_to": rc.other.pk})
    assert r.status_code == 422
    assert {e["field"] for e in r.json()["detail"]} == {"issued_by", "applies_to"}
    assert Version.objects.filter(regulation=rc.reg).count() == 1


def test_outsiders_get_404_and_staff_may_not_draft(rc):
    outsider = bearer(rc.outsider)
    assert outsider.get(f"/api/v1/rules/versions/{rc.v1.pk}").status_code == 404
    assert post(outsider, f"/api/v1/rules/versions/{rc.v1.pk}/acknowledge").status_code == 404
    assert outsider.get("/api/v1/rules/regulations").json() == []
    body = {"text": V2, "issued_by": rc.office.pk, "applies_to": rc.root.pk}
    r = post(bearer(rc.handler), f"/api/v1/rules/regulations/{rc.reg.pk}/versions", body)
    assert r.status_code == 404

"""/api/v1/catalog/services and their guides: an administrator adds a service, drafts its
guide, fills it and publishes it through the API, and staff read it; every field error at
once with nothing written; others may not change (403), outsiders 404."""

from lianxin.api.tests.client import bearer, fields, send
from lianxin.catalog.models import GuideVersion, Service

GUIDE = {
    "conditions": "车货总重超过限定标准",
    "materials": [{"name": "申请书", "original": True}, {"name": "行驶证", "copies": 1}],
    "legal_workdays": 10,
    "promised_workdays": 5,
}


def add(cast, admin):
    body = {"code": "overload", "name": "超限运输许可", "unit": cast.station_a.pk}
    r = send(admin, "post", "/api/v1/catalog/services", body)
    assert r.status_code == 201, r.content
    return r.json()["id"]


def test_a_service_is_added_its_guide_drafted_filled_and_published(cast):
    admin = bearer(cast.admin)
    url = f"/api/v1/catalog/services/{add(cast, admin)}"
    assert send(admin, "post", f"{url}/draft").json()["state"] == "draft"
    r = send(admin, "put", f"{url}/draft", GUIDE)
    assert r.status_code == 200, r.content
    r = send(admin, "post", f"{url}/draft/publish")
    assert r.status_code == 200, r.content
    listed = bearer(cast.handler).get("/api/v1/catalog/services").json()
    assert listed[0]["guide"]["promised_workdays"] == 5
    assert [m["name"] for m in listed[0]["guide"]["materials"]] == ["申请书", "行驶证"]
    versions = bearer(cast.handler).get(f"{url}/guides").json()
    assert [(v["number"], v["state"]) for v in versions] == [(1, "published")]


def test_every_field_error_at_once_and_nothing_written(cast):
    admin = bearer(cast.admin)
    r = send(admin, "post", "/api/v1/catalog/services", {"code": "超限", "name": ""})
    assert r.status_code == 422 and fields(r) == {"code", "name", "unit"}
    body = {"code": "overload", "name": "超限运输许可", "unit": cast.other.pk}
    r = send(admin, "post", "/api/v1/catalog/services", body)
    assert r.status_code == 422 and fields(r) == {"unit"}
    assert not Service.objects.exists()
    url = f"/api/v1/catalog/services/{add(cast, admin)}"
    send(admin, "post", f"{url}/draft")
    bad = {"materials": [{"copies": 99}], "legal_workdays": 0, "visits": "twice"}
    r = send(admin, "put", f"{url}/draft", bad)
    assert r.status_code == 422
    assert fields(r) == {"materials.name", "materials.copies", "legal_workdays", "visits"}
    guide = GuideVersion.objects.get()
    assert guide.materials == [] and guide.legal_workdays is None


def test_others_may_not_change_and_outsiders_get_404(cast):
    admin = bearer(cast.admin)
    url = f"/api/v1/catalog/services/{add(cast, admin)}"
    body = {"code": "overload", "name": "改名", "unit": cast.station_a.pk}
    assert send(bearer(cast.handler), "put", url, body).status_code == 403
    assert send(bearer(cast.handler), "post", f"{url}/draft").status_code == 403
    outsider = bearer(cast.outsider)
    assert send(outsider, "put", url, body).status_code == 404
    assert send(outsider, "post", f"{url}/draft").status_code == 404
    assert outsider.get(f"{url}/guides").status_code == 404
    assert Service.objects.get().name == "超限运输许可" and not GuideVersion.objects.exists()

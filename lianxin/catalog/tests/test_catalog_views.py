"""Workbench and public pages of services: guides (public sees the current one; print as a
one-time notice), commitments with live performance, the register, the
applicant's rating form; and who may do what."""

from datetime import datetime

from django.utils import timezone

from lianxin.catalog import actions
from lianxin.catalog.models import ServiceRequest
from lianxin.core import clock

from .conftest import register


def test_the_public_sees_the_current_guide_and_can_print_a_one_time_notice(sv, client):
    draft = actions.guide_draft(service=sv.service, actor=sv.admin)
    actions.guide_update(guide=draft, actor=sv.admin, conditions="草稿里的新条件")
    page = client.get("/services/roadwork/").content.decode()
    assert "属本段管养路段" in page and "草稿里的新条件" not in page
    assert "施工图纸" in page and "5 个工作日" in page
    notice = client.get("/services/roadwork/?notice=1").content.decode()
    assert "一次性告知书" in notice and "申请人签字" in notice
    listing = client.get("/services/", {"q": "施工"}).content.decode()
    assert "涉路施工许可" in listing
    assert client.get("/services/nothing/").status_code == 404


def test_commitments_show_how_the_unit_really_does(sv, client):
    actions.commitment_save(
        root=sv.root,
        service=sv.service,
        target_workdays=5,
        text="涉路施工许可5个工作日内办结",
        actor=sv.admin,
    )
    with clock.frozen_at(timezone.make_aware(datetime(2026, 11, 2, 10))):
        a, _ = register(sv, token="a")
        b, _ = register(sv, token="b")
        actions.request_complete(req=a, decision="approved", actor=sv.handler)
    with clock.frozen_at(timezone.make_aware(datetime(2026, 11, 20, 10))):
        actions.request_complete(req=b, decision="approved", actor=sv.handler)
        page = client.get("/services/commitments/").content.decode()
    assert "涉路施工许可5个工作日内办结" in page and "50%" in page


def test_the_window_registers_a_request_and_the_register_exports(sv, login):
    client = login(sv.handler)
    r = client.post(
        "/workbench/services/requests/",
        {
            "service": sv.service.pk,
            "applicant_name": "青山建工",
            "applicant_phone": "13812345678",
            "subject": "开挖管线",
            "channel": "window",
            "submit_token": "w-1",
        },
    )
    req = ServiceRequest.objects.get()
    assert r.status_code == 302 and r["Location"].endswith(f"/{req.code}/")
    page = login(sv.handler_b).get(f"/workbench/services/requests/{req.code}/").content.decode()
    assert "138****5678" in page and "一次性告知补正材料" not in page  # not his service
    r = login(sv.handler_b).post(
        f"/workbench/services/requests/{req.code}/complete/",
        {"decision": "approved", "version": req.version},
    )
    assert r.status_code == 403
    assert login(sv.outsider).get(f"/workbench/services/requests/{req.code}/").status_code == 404


def test_guide_pages_for_administrators_with_versions_and_diff(sv, login):
    client = login(sv.admin)
    url = f"/workbench/services/{sv.service.pk}/"
    client.post(url, {"do": "draft"})
    data = {
        "do": "save",
        "legal_workdays": 10,
        "promised_workdays": 4,
        "visits": 1,
        "m0-name": "申请书",
        "m0-original": "on",
    }
    assert client.post(url, data).status_code == 302
    assert client.post(url, {"do": "publish"}).status_code == 302
    page = client.get(url, {"a": "1", "b": "2"}).content.decode()
    assert "第 1 版到第 2 版的变化" in page and "施工图纸" in page
    assert login(sv.handler).post(url, {"do": "draft"}).status_code == 403


def test_the_applicant_rates_on_the_portal_and_bad_ratings_are_published(sv, client):
    with clock.frozen_at(timezone.make_aware(datetime(2026, 11, 2, 10))):
        req, secret = register(sv)
        actions.request_complete(req=req, decision="approved", actor=sv.handler)
    r = client.post(
        "/services/review/", {"code": req.code, "secret": "NOPE1234", "level": "1", "reasons": "差"}
    )
    assert r.status_code == 400 and "不匹配" in r.content.decode()
    r = client.post(
        "/services/review/",
        {"code": req.code, "secret": secret, "level": "2", "reasons": "跑了两趟"},
    )
    assert r.status_code == 200 and "谢谢" in r.content.decode()
    r = client.post("/services/review/", {"code": req.code, "secret": secret, "level": "5"})
    assert r.status_code == 400 and "已经评价" in r.content.decode()
    month = timezone.localdate(clock.now()).strftime("%Y-%m")
    page = client.get("/services/reviews/", {"month": month}).content.decode()
    assert "跑了两趟" in page and "整改时限" in page


def test_the_api_lists_services_and_registers_requests(sv, login):
    client = login(sv.handler)
    services = client.get("/api/v1/catalog/services").json()
    assert services[0]["guide"]["promised_workdays"] == 5
    import json

    r = client.post(
        "/api/v1/catalog/requests",
        json.dumps(
            {
                "service": sv.service.pk,
                "applicant_name": "王建华",
                "applicant_phone": "13912345678",
                "subject": "设置标志",
                "submit_token": "api-1",
            }
        ),
        content_type="application/json",
    )
    assert r.status_code == 201
    code = r.json()["code"]
    assert client.get(f"/api/v1/catalog/requests/{code}").json()["phone"] == "13912345678"
    other = login(sv.handler_b)
    assert other.get(f"/api/v1/catalog/requests/{code}").json()["phone"] == "139****5678"
    assert login(sv.outsider).get(f"/api/v1/catalog/requests/{code}").status_code == 404

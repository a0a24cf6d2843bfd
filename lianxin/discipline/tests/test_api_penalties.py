"""/api/v1/discipline/penalties and notices: an inspector records a penalty and publishes its
notice through the API, read back in the lists; every field error at once with nothing
written; non-inspectors and outsiders 404."""

from django.utils import timezone

from lianxin.api.tests.client import bearer, fields, send
from lianxin.core import clock
from lianxin.discipline.models import Penalty, PublicNotice


def penalty_body(dc, **kw):
    b = {
        "person": dc.people.handler.pk,
        "kind": "admin",
        "measure": "demerit",
        "category": "banquets",
        "decided_on": timezone.localdate(clock.now()).isoformat(),
        "document_no": "测〔2026〕5号",
        "reason": "接受宴请",
    }
    b.update(kw)
    return b


def test_a_penalty_recorded_and_its_notice_published(dc):
    inspector = bearer(dc.inspector)
    r = send(inspector, "post", "/api/v1/discipline/penalties", penalty_body(dc))
    assert r.status_code == 201, r.content
    listed = inspector.get("/api/v1/discipline/penalties").json()
    assert [(p["person"], p["measure"]) for p in listed] == [("杨承办", "demerit")]
    body = {
        "penalty": r.json()["id"],
        "title": "关于甲站接受宴请问题的通报",
        "position": "承办人",
        "conduct": "接受管理服务对象宴请。",
        "clause": "zuofeng/4",
    }
    r = send(inspector, "post", "/api/v1/discipline/notices", body)
    assert r.status_code == 201, r.content
    notices = inspector.get("/api/v1/discipline/notices").json()
    assert [n["title"] for n in notices] == ["关于甲站接受宴请问题的通报"]
    assert send(inspector, "post", "/api/v1/discipline/notices", body).status_code == 422  # once


def test_every_field_error_at_once_and_nothing_written(dc):
    inspector = bearer(dc.inspector)
    bad = {"kind": "fine", "measure": "", "decided_on": "yesterday", "reason": ""}
    r = send(inspector, "post", "/api/v1/discipline/penalties", bad)
    assert r.status_code == 422
    assert fields(r) == {
        "person",
        "kind",
        "measure",
        "category",
        "decided_on",
        "document_no",
        "reason",
    }
    r = send(
        inspector,
        "post",
        "/api/v1/discipline/penalties",
        penalty_body(dc, person=dc.people.outsider.pk),
    )
    assert r.status_code == 422 and fields(r) == {"person"}
    r = send(inspector, "post", "/api/v1/discipline/notices", {"penalty": 10**9, "title": ""})
    assert r.status_code == 422 and fields(r) == {"title", "position", "conduct"}
    assert not Penalty.objects.exists() and not PublicNotice.objects.exists()


def test_non_inspectors_and_outsiders_get_404(dc):
    for user in (dc.handler, dc.leader, dc.outsider):
        client = bearer(user)
        assert (
            send(client, "post", "/api/v1/discipline/penalties", penalty_body(dc)).status_code
            == 404
        )
        assert client.get("/api/v1/discipline/notices").status_code == 404
    assert not Penalty.objects.exists()

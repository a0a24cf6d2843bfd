"""/api/v1/discipline/reports/{pk}/...: an inspector takes a report through every step of the
workbench page (accept, name the person, dispose, write to the reporter, conclude, feedback)
by the API; every field error at once with nothing written; a stale version refused; those
kept away from the report (the person reported's leader, outsiders) 404."""

import datetime
from zoneinfo import ZoneInfo

from lianxin.api.tests.client import bearer, fields, send
from lianxin.core import clock
from lianxin.discipline.models import Report
from lianxin.discipline.tests.conftest import submit

TZ = ZoneInfo("Asia/Shanghai")
DAY = datetime.datetime(2026, 11, 16, 10, tzinfo=TZ)


def test_every_step_of_the_page_through_the_api(dc):
    with clock.frozen_at(DAY):
        report, _receipt = submit(dc)
    url = f"/api/v1/discipline/reports/{report.pk}"
    inspector = bearer(dc.inspector)
    with clock.frozen_at(DAY + datetime.timedelta(hours=1)):
        v = inspector.get(url).json()["version"]
        assert send(inspector, "post", f"{url}/accept", {"version": v}).status_code == 200
        v = inspector.get(url).json()["version"]
        r = send(
            inspector, "post", f"{url}/identify", {"version": v, "person": dc.people.handler.pk}
        )
        assert r.status_code == 200, r.content
        assert r.json()["person"] == "杨承办"
        body = {"version": r.json()["version"], "disposition": "verify", "category": "formalism"}
        r = send(inspector, "post", f"{url}/dispose", body)
        assert r.status_code == 200 and r.json()["status"] == "disposed", r.content
        r = send(inspector, "post", f"{url}/messages", {"text": "请补充在场群众的联系方式。"})
        assert r.status_code == 201, r.content
        body = {"version": r.json()["version"], "findings": "问题属实。", "decision": "诫勉谈话。"}
        r = send(inspector, "post", f"{url}/conclude", body)
        assert r.status_code == 200 and r.json()["feedback_due"], r.content
        r = send(
            inspector,
            "post",
            f"{url}/feedback",
            {"version": r.json()["version"], "feedback": "已处理。"},
        )
        assert r.status_code == 200, r.content
    got = inspector.get(url).json()
    assert got["status"] == "closed" and got["decision"] == "诫勉谈话。"
    assert [m["text"] for m in got["messages"]] == ["请补充在场群众的联系方式。", "已处理。"]


def test_every_field_error_at_once_a_stale_version_and_nothing_written(dc):
    report, _receipt = submit(dc)
    url = f"/api/v1/discipline/reports/{report.pk}"
    inspector = bearer(dc.inspector)
    send(inspector, "post", f"{url}/accept", {"version": report.version})
    r = send(
        inspector, "post", f"{url}/dispose", {"disposition": "forget", "category": "", "note": 3}
    )
    assert r.status_code == 422
    assert fields(r) == {"version", "disposition", "category", "note"}
    r = send(inspector, "post", f"{url}/identify", {"version": 0, "person": dc.people.outsider.pk})
    assert r.status_code == 422 and fields(r) == {"person"}
    body = {"version": report.version, "disposition": "verify", "category": "formalism"}
    r = send(inspector, "post", f"{url}/dispose", body)  # the version read before accepting
    assert r.status_code == 400 and r.json()["detail"][0]["code"] == "stale"
    report.refresh_from_db()
    assert report.status == "accepted" and report.disposition == ""


def test_those_kept_away_and_outsiders_get_404(dc):
    report, _receipt = submit(dc)
    url = f"/api/v1/discipline/reports/{report.pk}"
    for user in (dc.station_leader, dc.conflicted, dc.outsider, dc.handler):
        client = bearer(user)
        assert client.get(url).status_code == 404
        r = send(client, "post", f"{url}/messages", {"text": "你好"})
        assert r.status_code == 404
        assert send(client, "post", f"{url}/accept", {"version": report.version}).status_code == 404
    assert Report.objects.get().status == "received" and not report.messages.exists()

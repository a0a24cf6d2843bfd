"""/api/v1/partywork/units/{unit}/sessions: the station's secretary plans a study session and
records who came through the API; every field error at once with nothing written; others of
the station may not (403), outsiders 404."""

from lianxin.api.tests.client import bearer, fields, send
from lianxin.partywork.models import Attendance, StudySession

SESSION = {"topic": "学习党章第一章", "starts_at": "2026-12-10T15:00:00+08:00", "place": "会议室"}


def test_planned_recorded_and_read_back(pw):
    sec = bearer(pw.sec_a)
    r = send(sec, "post", f"/api/v1/partywork/units/{pw.station_a.pk}/sessions", SESSION)
    assert r.status_code == 201, r.content
    url = f"/api/v1/partywork/sessions/{r.json()['id']}"
    attendance = [
        {"person": pw.people.sec_a.pk, "status": "present"},
        {"person": pw.people.handler.pk, "status": "excused", "reason": "值班"},
    ]
    r = send(sec, "post", f"{url}/record", {"attendance": attendance, "summary": "交流了体会"})
    assert r.status_code == 200, r.content
    got = bearer(pw.station_leader).get(url).json()
    assert got["state"] == "held"
    statuses = {a["name"]: a["status"] for a in got["attendance"]}
    assert statuses == {"黄书记": "present", "杨承办": "excused", "吴站长": "absent"}
    listed = bearer(pw.station_leader).get(f"/api/v1/partywork/units/{pw.station_a.pk}/sessions")
    assert [(x["topic"], len(x["attendance"])) for x in listed.json()] == [("学习党章第一章", 3)]


def test_every_field_error_at_once_and_nothing_written(pw):
    sec = bearer(pw.sec_a)
    url = f"/api/v1/partywork/units/{pw.station_a.pk}/sessions"
    r = send(sec, "post", url, {"topic": "", "starts_at": "tomorrow", "place": "长" * 101})
    assert r.status_code == 422 and fields(r) == {"topic", "starts_at", "place"}
    pk = send(sec, "post", url, SESSION).json()["id"]
    body = {"attendance": [{"person": pw.people.sec_a.pk, "status": "asleep"}]}
    r = send(sec, "post", f"/api/v1/partywork/sessions/{pk}/record", body)
    assert r.status_code == 422 and fields(r) == {"attendance.status", "summary"}
    body = {"attendance": [{"person": pw.people.sec_b.pk, "status": "present"}], "summary": "x"}
    r = send(sec, "post", f"/api/v1/partywork/sessions/{pk}/record", body)
    assert r.status_code == 422 and fields(r) == {"attendance"}  # not of the station
    assert StudySession.objects.get().state == "planned" and not Attendance.objects.exists()


def test_others_of_the_station_403_and_outsiders_404(pw):
    url = f"/api/v1/partywork/units/{pw.station_a.pk}/sessions"
    assert send(bearer(pw.handler), "post", url, SESSION).status_code == 403
    assert send(bearer(pw.outsider), "post", url, SESSION).status_code == 404
    pk = send(bearer(pw.sec_a), "post", url, SESSION).json()["id"]
    record = {"summary": "交流了体会"}
    outsider = bearer(pw.outsider)
    assert (
        send(outsider, "post", f"/api/v1/partywork/sessions/{pk}/record", record).status_code == 404
    )
    assert outsider.get(f"/api/v1/partywork/sessions/{pk}").status_code == 404
    assert StudySession.objects.get().state == "planned"

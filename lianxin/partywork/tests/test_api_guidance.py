"""/api/v1/partywork/guidance: the party-building office issues guidance to a station through
the API, its secretary reads it and confirms receipt; every field error at once with nothing
written; a secretary may not issue (403); another station and outsiders 404."""

from lianxin.api.tests.client import bearer, fields, send
from lianxin.partywork.models import Guidance

URL = "/api/v1/partywork/guidance"


def body(pw, **kw):
    b = {
        "title": "关于开展主题党日的通知",
        "body": "各站党支部：请于月中开展。",
        "units": [pw.station_a.pk],
    }
    b.update(kw)
    return b


def test_issued_read_and_confirmed_by_the_station(pw):
    r = send(bearer(pw.officer), "post", URL, body(pw))
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    sec = bearer(pw.sec_a)
    assert [g["title"] for g in sec.get(URL).json()] == ["关于开展主题党日的通知"]
    r = send(sec, "post", f"{URL}/{pk}/receipts/{pw.station_a.pk}")
    assert r.status_code == 200, r.content
    receipts = bearer(pw.officer).get(f"{URL}/{pk}").json()["receipts"]
    assert [(x["unit"], x["confirmed_at"] is not None) for x in receipts] == [("甲站", True)]


def test_every_field_error_at_once_and_nothing_written(pw):
    office = bearer(pw.officer)
    r = send(office, "post", URL, {"title": "", "units": [], "doc_no": "号" * 51})
    assert r.status_code == 422 and fields(r) == {"title", "body", "units", "doc_no"}
    r = send(office, "post", URL, body(pw, units=[pw.station_a.pk, pw.other.pk]))
    assert r.status_code == 422 and fields(r) == {"units"}
    assert not Guidance.objects.exists()


def test_a_secretary_may_not_issue_and_others_get_404(pw):
    assert send(bearer(pw.sec_a), "post", URL, body(pw)).status_code == 403
    pk = send(bearer(pw.officer), "post", URL, body(pw)).json()["id"]
    for user in (pw.sec_b, pw.outsider):
        assert bearer(user).get(f"{URL}/{pk}").status_code == 404
        r = send(bearer(user), "post", f"{URL}/{pk}/receipts/{pw.station_a.pk}")
        assert r.status_code == 404
    assert bearer(pw.outsider).get(URL).json() == []
    assert Guidance.objects.get().receipts.get().confirmed_at is None

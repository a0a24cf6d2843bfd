"""Following a case with code + secret (or the phone's last four digits): the public
timeline, rating, withdrawing, supplying information, switching messages off."""

from datetime import timedelta

from lianxin.cases import actions
from lianxin.cases import workflow as wf
from lianxin.cases.models import Case
from lianxin.cases.tests.conftest import receive
from lianxin.core import clock


def open_case(client, code, secret):
    return client.post("/track/", {"code": code, "secret": secret})


def test_code_and_secret_open_the_public_timeline_without_internal_notes(cc, client):
    case, secret = receive(cc)
    case = actions.case_dispatch(
        case=case, unit=cc.station_a, note="内部：注意安全", actor=cc.dispatcher
    )
    actions.case_note(case=case, note="内部备注不可见", actor=cc.dispatcher)
    response = open_case(client, case.code, secret.lower())
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "已派单" in page and "甲站" in page
    assert "内部" not in page and "杨承办" not in page


def test_wrong_unknown_and_expired_lookups_get_the_same_answer(cc, client, make_case):
    case, secret = receive(cc)
    closed = make_case("closed")
    answers = set()
    for code, guess in [(case.code, "AAAAAAAA"), ("209901019999", secret), (case.code, "0000")]:
        r = open_case(client, code, guess)
        assert r.status_code == 400
        answers.add("编号与查询码不匹配" in r.content.decode())
    with clock.frozen_at(closed.closed_at + timedelta(days=181)):
        r = open_case(client, closed.code, "5678")
    assert r.status_code == 400 and "编号与查询码不匹配" in r.content.decode()
    assert answers == {True}
    assert open_case(client, case.code, "5678").status_code == 302  # last four digits
    assert client.get(f"/track/{closed.code}/").status_code == 302  # not opened: to the form


def test_lookups_are_rate_limited(cc, client):
    case, _secret = receive(cc)
    for _ in range(10):
        open_case(client, case.code, "WRONG000")
    r = open_case(client, case.code, "5678")
    assert r.status_code == 400 and "尝试次数过多" in r.content.decode()


def test_the_citizen_rates_once(cc, client, make_case):
    case, secret = receive(cc)
    case = actions.case_dispatch(case=case, unit=cc.station_a, actor=cc.dispatcher)
    case = actions.case_accept(case=case, actor=cc.handler)
    case = actions.case_reply(case=case, reply="已修补", actor=cc.handler)
    open_case(client, case.code, secret)
    url = f"/track/{case.code}/rate/"
    r = client.post(url, {"version": case.version, "rating": "5", "solved": "yes"})
    assert r.status_code == 302
    case.refresh_from_db()
    assert case.status == "closed" and case.rating == 5
    r = client.post(url, {"version": case.version, "rating": "1", "solved": "no"})
    assert r.status_code == 400 and "已经评价" in r.content.decode()
    assert Case.objects.get(pk=case.pk).rating == 5


def test_withdraw_supplement_and_messages_off(cc, client):
    case, secret = receive(cc)
    open_case(client, case.code, secret)
    client.post(f"/track/{case.code}/messages/", {"enabled": "0"})
    case.refresh_from_db()
    assert not case.notify_citizen
    r = client.post(f"/track/{case.code}/withdraw/", {"version": case.version})
    assert r.status_code == 302
    assert Case.objects.get(pk=case.pk).status == "withdrawn"

    other, secret2 = receive(cc)
    other = actions.case_dispatch(case=other, unit=cc.station_a, actor=cc.dispatcher)
    other = actions.case_accept(case=other, actor=cc.handler)
    other = actions.case_pause(case=other, question="请上传照片位置", actor=cc.handler)
    open_case(client, other.code, secret2)
    page = client.get(f"/track/{other.code}/").content.decode()
    assert "请上传照片位置" in page
    r = client.post(
        f"/track/{other.code}/supplement/", {"version": other.version, "note": "在新街56号门口"}
    )
    assert r.status_code == 302
    other.refresh_from_db()
    assert other.paused_at is None and other.events.last().actor_label == wf.CITIZEN
    # A case not opened with its secret in this browser is not shown.
    third, _ = receive(cc)
    assert client.post(f"/track/{third.code}/withdraw/", {"version": 1}).status_code == 404

"""Following a case with code + secret (or a one-time code sent to the case's phone): the
public timeline, rating, withdrawing, supplying information, switching messages off; no
count of wrong guesses locks the owner out."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.test import Client

from lianxin.cases import actions
from lianxin.cases import workflow as wf
from lianxin.cases.models import Case
from lianxin.cases.tests.conftest import receive
from lianxin.core import clock, pow
from lianxin.core.notify import MemorySmsBackend

BEIJING = ZoneInfo("Asia/Shanghai")


def solved():
    challenge = pow.challenge()
    return {"pow_challenge": challenge, "pow_counter": pow.solve(challenge)}


def open_case(client, code, secret):
    return client.post("/track/", {"code": code, "secret": secret, **solved()})


def replied(cc):
    case, secret = receive(cc)
    case = actions.case_dispatch(
        case=case, unit=cc.station_a, handler=cc.people.handler, actor=cc.dispatcher
    )
    case = actions.case_accept(case=case, actor=cc.handler)
    return actions.case_reply(case=case, reply="已修补", actor=cc.handler), secret


def test_code_and_secret_open_the_public_timeline_without_internal_notes(cc, client):
    case, secret = receive(cc)
    case = actions.case_dispatch(
        case=case, unit=cc.station_a, note="内部：注意安全", actor=cc.dispatcher
    )
    actions.case_note(case=case, note="内部备注不可见", actor=cc.dispatcher)
    response = open_case(client, case.code, secret.lower().replace("-", " "))
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
    assert answers == {True}
    assert client.get(f"/track/{closed.code}/").status_code == 302  # not opened: to the form


def test_the_last_four_digits_of_the_phone_open_nothing(cc, client):
    case, _secret = receive(cc)  # phone 13812345678, shown to staff as 138****5678
    r = open_case(client, case.code, "5678")
    assert r.status_code == 400 and "编号与查询码不匹配" in r.content.decode()
    assert client.get(f"/track/{case.code}/").status_code == 302


def test_a_handler_who_knows_the_phone_cannot_rate_his_own_case(cc, client):
    case, _secret = replied(cc)
    client.force_login(cc.handler)
    r = open_case(client, case.code, "5678")
    assert r.status_code == 400
    rate = client.post(
        f"/track/{case.code}/rate/", {"version": case.version, "rating": "5", "solved": "yes"}
    )
    assert rate.status_code == 404
    case.refresh_from_db()
    assert case.rating is None and case.status == "replied"


def test_wrong_secrets_from_elsewhere_never_lock_the_owner_out(cc):
    case, secret = receive(cc)
    for n in range(15):
        stranger = Client(REMOTE_ADDR=f"203.0.113.{n}")
        assert open_case(stranger, case.code, "WRONG-WRONG-WRON").status_code == 400
    owner = Client(REMOTE_ADDR="198.51.100.7")
    assert open_case(owner, case.code, secret).status_code == 302


def test_one_client_guessing_is_slowed_and_each_guess_needs_a_proof_of_work(cc, client):
    case, secret = receive(cc)
    r = client.post("/track/", {"code": case.code, "secret": secret, "pow_challenge": "x"})
    assert r.status_code == 400 and "不是由浏览器提交" in r.content.decode()
    for _ in range(9):
        open_case(client, case.code, "WRONG-WRONG-WRON")
    r = open_case(client, case.code, secret)
    assert r.status_code == 400 and "尝试次数过多" in r.content.decode()


def test_a_code_by_sms_to_the_case_phone_opens_it_once(
    cc, client, django_capture_on_commit_callbacks
):
    case, _secret = replied(cc)
    MemorySmsBackend.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post("/track/phone/", {"code": case.code, "phone": "139 0000 1111", **solved()})
    assert r.status_code == 200 and not MemorySmsBackend.outbox  # not the case's phone
    with django_capture_on_commit_callbacks(execute=True):
        same = client.post("/track/phone/", {"code": case.code, "phone": "13812345678", **solved()})
    assert same.content.decode().count("验证码") == r.content.decode().count("验证码")
    ((phone, text),) = MemorySmsBackend.outbox
    otp = re.search(r"(?<!\d)(\d{6})(?!\d)", text).group(1)
    assert phone == "13812345678"
    wrong = "000000" if otp != "000000" else "111111"
    assert (
        client.post("/track/phone/code/", {"code": case.code, "sms_code": wrong}).status_code == 400
    )
    assert client.get(f"/track/{case.code}/").status_code == 302  # still closed
    r = client.post("/track/phone/code/", {"code": case.code, "sms_code": otp})
    assert r.status_code == 302
    rate = client.post(
        f"/track/{case.code}/rate/", {"version": case.version, "rating": "4", "solved": "yes"}
    )
    assert rate.status_code == 302 and Case.objects.get(pk=case.pk).rating == 4
    other = Client()  # the code is used up
    assert other.post("/track/phone/code/", {"code": case.code, "sms_code": otp}).status_code == 400


def test_an_sms_code_expires_and_allows_few_tries(cc, client, django_capture_on_commit_callbacks):
    case, _secret = receive(cc)
    MemorySmsBackend.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/track/phone/", {"code": case.code, "phone": "13812345678", **solved()})
    otp = re.search(r"(?<!\d)(\d{6})(?!\d)", MemorySmsBackend.outbox[-1][1]).group(1)
    with clock.frozen_at(clock.now() + timedelta(minutes=11)):
        r = client.post("/track/phone/code/", {"code": case.code, "sms_code": otp})
    assert r.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/track/phone/", {"code": case.code, "phone": "13812345678", **solved()})
    otp = re.search(r"(?<!\d)(\d{6})(?!\d)", MemorySmsBackend.outbox[-1][1]).group(1)
    wrong = "000000" if otp != "000000" else "111111"
    for _ in range(5):
        Client().post("/track/phone/code/", {"code": case.code, "sms_code": wrong})
    r = client.post("/track/phone/code/", {"code": case.code, "sms_code": otp})
    assert r.status_code == 400  # five wrong tries used the code up
    from lianxin.cases.models import PhoneProof

    assert all(otp not in p.code_digest for p in PhoneProof.objects.all())  # hashed at rest


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


def progress_of(page: str) -> dict:
    """The progress box's lines by their ids."""
    return {
        k: re.sub(r"<[^>]+>", "", v).strip()
        for k, v in re.findall(r'<dd [^>]*id="progress-(\w+)">(.*?)</dd>', page, re.S)
    }


def test_the_tracking_page_gives_the_deadline_the_unit_and_the_next_step(cc, client):
    with clock.frozen_at(datetime(2026, 12, 3, 10, 0, tzinfo=BEIJING)):
        case, secret = receive(cc, kind="help")  # 5 working days: due 12-10
        open_case(client, case.code, secret)
        waiting = progress_of(client.get(f"/track/{case.code}/").content.decode())
        assert waiting["status"] == "已提交，待受理"  # nobody has looked at it yet
        assert waiting["unit"] == cc.root.name and waiting["due"].startswith("2026-12-10")
        assert "个工作日内审核" in waiting["next"]
        actions.case_dispatch(case=case, unit=cc.station_a, actor=cc.dispatcher)
        page = client.get(f"/track/{case.code}/").content.decode()
        sent = progress_of(page)
        assert sent["status"] == "已受理，已转承办单位" and sent["unit"] == "甲站"
        assert sent["due"].startswith("2026-12-10") and "签收办理" in sent["next"]
        assert 'id="case-status">已受理，已转承办单位<' in page
    with clock.frozen_at(datetime(2026, 12, 14, 10, 0, tzinfo=BEIJING)):
        late = progress_of(client.get(f"/track/{case.code}/").content.decode())
        assert "已超期" in late["due"] and "已超过答复期限" in late["next"]


def test_the_receipt_says_submitted_not_accepted(cc, client):
    client.get("/submit/")
    page = client.post(
        "/submit/",
        {
            "kind": "consult",
            "category": cc.road.pk,
            "content": "超限运输许可怎么办理？",
            "citizen_phone": "13566667777",
            "submit_token": "web-receipt",
        },
    ).content.decode()
    shown = progress_of(page)
    assert shown["status"] == "已提交，待受理" and shown["unit"] == cc.root.name
    assert shown["due"] and shown["next"]
    assert "已受理" not in page
    case = Case.objects.get()
    timeline = client.get(f"/track/{case.code}/").content.decode()
    assert "<strong>已提交</strong>" in timeline and "已受理" not in timeline

"""The operator's fast entry: saved in seconds, earlier cases of the caller, the knowledge
base, and consultations answered on the spot."""

import re

from lianxin.cases import actions
from lianxin.cases.models import Case

from .conftest import receive

URL = "/workbench/cases/entry/"


def form(cc, **kw):
    data = {
        "channel": "hotline",
        "citizen_phone": "13812345678",
        "citizen_name": "赵市民",
        "kind": "complaint",
        "category": cc.road.pk,
        "content": "城关路口红绿灯旁有坑",
        "place": "城关镇",
        "submit_token": "entry-1",
    }
    data.update(kw)
    return data


def test_an_operator_saves_a_call_and_a_double_click_makes_one_case(cc, login):
    client = login(cc.operator)
    page = client.get(URL)
    assert page.status_code == 200 and "来电号码" in page.content.decode()
    first = client.post(URL, form(cc), follow=True)
    assert "已保存" in first.content.decode()
    client.post(URL, form(cc))
    case = Case.objects.get()
    assert (case.channel, case.received_by, case.status) == ("hotline", cc.operator, "received")


def test_typing_the_phone_shows_the_callers_earlier_cases(cc, login):
    earlier, _ = receive(cc)
    receive(cc, citizen_phone="13911112222")
    response = login(cc.operator).get(URL + "caller/", {"citizen_phone": "13812345678"})
    text = response.content.decode()
    assert earlier.code in text and text.count("<li") == 1


def test_a_consultation_is_answered_on_the_spot_from_the_knowledge_base(cc, make_case, login):
    done = make_case("in_progress", kind="consult", content="超限运输许可证怎么办理")
    actions.case_reply(
        case=done, reply="在线申请超限运输许可，5个工作日办结。", reusable=True, actor=cc.handler
    )
    client = login(cc.operator)
    hits = client.get(URL + "knowledge/", {"kq": "超限运输"}).content.decode()
    assert "5个工作日办结" in hits
    response = client.post(
        URL,
        form(
            cc,
            kind="consult",
            content="超限运输许可怎么办",
            submit_token="entry-2",
            answer="在线申请超限运输许可，5个工作日办结。",
        ),
        follow=True,
    )
    assert "直接答复并办结" in response.content.decode()
    case = Case.objects.get(content="超限运输许可怎么办")
    assert case.status == "closed" and case.direct_answer


def test_only_consultations_are_answered_on_the_spot_and_nothing_is_half_written(cc, login):
    response = login(cc.operator).post(URL, form(cc, answer="已知悉"))
    assert response.status_code == 400
    assert "只有咨询类可以直接答复" in response.content.decode()
    assert not Case.objects.exists()


def test_bad_input_is_shown_on_the_form(cc, login):
    response = login(cc.operator).post(URL, form(cc, citizen_phone="abc", content=""))
    assert response.status_code == 400
    assert not Case.objects.exists()


def test_a_handler_has_no_fast_entry(cc, login):
    assert login(cc.handler).get(URL).status_code == 403


def test_after_saving_the_operator_reads_the_code_and_secret_to_the_caller_once(cc, login):
    from lianxin.cases import codes

    client = login(cc.operator)
    page = client.post(URL, form(cc, submit_token="entry-receipt"), follow=True)
    case = Case.objects.get()
    text = page.content.decode()
    assert f'id="receipt-code">{case.code}<' in text
    secret = re.search(r'id="receipt-secret">([^<]+)<', text).group(1)
    assert codes.secret_matches(case.code, secret, case.secret_digest)
    again = client.get(URL).content.decode()
    assert "receipt-secret" not in again and secret not in again


def test_the_category_asks_for_a_choice_instead_of_dashes(cc, login):
    html = login(cc.dispatcher).get(URL).content.decode()
    assert "---------" not in html
    assert re.search(r'<option value=""[^>]*>请选择…</option>', html)

"""The public submission: a case code and a secret at once; bad input re-shown; one case
for a double click; rate-limited."""

import re

from lianxin.cases import codes
from lianxin.cases.models import Case

URL = "/submit/"


def form(cc, **kw):
    data = {
        "kind": "help",
        "category": cc.road.pk,
        "content": "河口镇新街路面塌陷，请尽快处理",
        "place": "河口镇新街56号",
        "citizen_name": "钱先生",
        "citizen_phone": "13566667777",
        "is_public": "on",
        "submit_token": "web-1",
    }
    data.update(kw)
    return data


def test_a_citizen_gets_a_code_and_secret_that_open_the_case(cc, client):
    page = client.get(URL)
    assert page.status_code == 200 and "我要留言" in page.content.decode()
    response = client.post(URL, form(cc))
    text = response.content.decode()
    case = Case.objects.get()
    secret = re.search(r'id="case-secret">(\w+)<', text).group(1)
    assert case.code in text and codes.secret_matches(case.code, secret, case.secret_digest)
    assert case.channel == "web" and case.is_public


def test_a_double_click_shows_the_same_case(cc, client):
    first = client.post(URL, form(cc)).content.decode()
    second = client.post(URL, form(cc)).content.decode()
    assert Case.objects.count() == 1
    code = Case.objects.get().code
    assert code in first and code in second


def test_bad_input_is_refused_clearly(cc, client):
    for change, message in [
        ({"content": ""}, "这个字段是必填项"),
        ({"content": "坑" * 20000}, "最多允许 5000 字"),
        ({"citizen_phone": "110"}, "不是有效的电话号码"),
        ({"category": 987654}, "选择一个有效的选项"),
    ]:
        response = client.post(URL, form(cc, submit_token=f"bad-{message}", **change))
        assert response.status_code == 400
        assert message in response.content.decode(), message
    assert not Case.objects.exists()


def test_submissions_are_rate_limited_per_network(cc, client):
    for i in range(5):
        assert client.post(URL, form(cc, submit_token=f"t{i}")).status_code == 200
    response = client.post(URL, form(cc, submit_token="t6"))
    assert response.status_code == 400 and "提交过于频繁" in response.content.decode()
    assert Case.objects.count() == 5

"""The public submission: a case code and a secret at once; bad input re-shown; one case
for a double click; rate-limited."""

import re

from django.test import Client

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
    secret = re.search(r'id="case-secret">([\w-]+)<', text).group(1)
    assert case.code in text and codes.secret_matches(case.code, secret, case.secret_digest)
    assert case.channel == "web" and case.is_public


def shown_secret(response) -> str:
    return re.search(r'id="case-secret">([\w-]+)<', response.content.decode()).group(1)


def test_a_double_click_shows_the_same_case_with_a_secret_that_opens_it(cc, client):
    client.get(URL)
    first = client.post(URL, form(cc))
    second = client.post(URL, form(cc))
    assert Case.objects.count() == 1
    case = Case.objects.get()
    assert case.code in first.content.decode() and case.code in second.content.decode()
    assert codes.secret_matches(case.code, shown_secret(second), case.secret_digest)


def test_another_browser_sending_the_same_token_never_gets_that_case(cc, client):
    client.get(URL)
    mine = client.post(URL, form(cc))
    case = Case.objects.get()
    stranger = Client(REMOTE_ADDR="203.0.113.9")
    theirs = stranger.post(URL, form(cc, content="别人的留言内容"))
    assert theirs.status_code == 200 and case.code not in theirs.content.decode()
    assert Case.objects.count() == 2
    case.refresh_from_db()
    assert codes.secret_matches(case.code, shown_secret(mine), case.secret_digest)
    assert not codes.secret_matches(case.code, shown_secret(theirs), case.secret_digest)
    assert stranger.post(f"/track/{case.code}/withdraw/", {"version": 1}).status_code == 404
    assert Case.objects.get(pk=case.pk).status == "received"


def test_a_token_sent_by_the_public_never_captures_a_channel_s_future_case(cc, client):
    """The old derived tokens (`weibo-<digest of the item id>`, `need-<pk>`, ...) posted to
    the form first: the channel's own item still makes its own case."""
    from lianxin.intake.actions import key_digest, weibo_receive

    for token in ("weibo-" + key_digest("W1")[:40], "W1"):
        client.post(URL, form(cc, submit_token=token, content="抢注的留言"))
    case, created = weibo_receive(
        root=cc.root, category=cc.road, item={"id": "W1", "text": "微博：青山路有坑"}
    )
    assert created and case.channel == "weibo" and "微博" in case.content
    assert Case.objects.count() == 3


def test_an_overlong_token_is_refused_without_a_server_error(cc, client):
    response = client.post(URL, form(cc, submit_token="x" * 65))
    assert response.status_code in (200, 400)  # a fresh case or the form again, never a 500
    response = client.post(URL, form(cc, submit_token="x" * 5000))
    assert response.status_code == 400 and Case.objects.count() <= 1


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


def tag_with_id(page: str, element_id: str) -> str:
    return re.search(rf'<(?:input|select|textarea)\b[^>]*\bid="{element_id}"[^>]*>', page).group(0)


def test_each_kind_of_field_is_drawn_with_bootstraps_class(cc, client):
    """The classes come from the widget templates (templates/django/forms/widgets/)."""
    page = client.get(URL).content.decode()
    expected = {
        "id_kind_0": "form-check-input",  # a radio button
        "id_category": "form-select",
        "id_content": "form-control",  # a text area
        "id_citizen_phone": "form-control",
        "id_is_public": "form-check-input",  # a check box
        "id_files": "form-control",  # a file input
    }
    for element_id, css in expected.items():
        assert f'class="{css}"' in tag_with_id(page, element_id), element_id
    assert "class=" not in tag_with_id(page, "id_submit_token")  # hidden: nothing to style
    category = page[page.index('id="id_category"') :]
    first_option = r'id="id_category"[^>]*>\s*<option value="" selected>请选择…</option>'
    assert re.match(first_option, category)

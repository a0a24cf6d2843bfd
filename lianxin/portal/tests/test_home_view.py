"""The public portal home page."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_language_switch_to_english_and_back(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/").content.decode()
    assert 'lang="en"' in page and "Staff login" in page
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert "工作人员登录" in client.get("/").content.decode()


def test_unknown_page_is_a_friendly_404_without_details(client, settings):
    settings.DEBUG = False
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Traceback" not in response.content.decode()


def test_an_english_browser_still_gets_chinese_until_the_user_switches(client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="zh-hans"' in page and "工作人员登录" in page
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN").content.decode()
    assert "Staff login" in page


def test_a_crash_shows_a_plain_500_page_without_a_stack_trace(client, monkeypatch):
    from lianxin.portal import views

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(views.org_queries, "active_stations", boom)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "系统出错了" in body
    assert "secret internals" not in body and "Traceback" not in body


def test_each_kind_card_opens_the_form_with_its_kind_chosen(cc, client):
    page = client.get("/").content.decode()
    cards = page[page.index('id="kind-cards"') :]
    for kind in ("consult", "help", "complaint", "suggestion"):
        assert f'href="/submit/?kind={kind}"' in cards
    form = client.get("/submit/?kind=complaint").content.decode()
    assert re.search(r'<input[^>]*value="complaint"[^>]*checked', form)


def test_hotline_and_government_footer_show_only_when_set(client, settings):
    page = client.get("/").content.decode()
    for part in ("footer-hotline", "home-hotline", "footer-sponsor", "footer-icp", "footer-psb"):
        assert part not in page
    settings.LIANXIN_HOTLINE = "0871-12345"
    settings.LIANXIN_SITE_SPONSOR = "测试县交通运输局"
    settings.LIANXIN_ICP_RECORD = "滇ICP备12345678号-1"
    settings.LIANXIN_PSB_RECORD = "滇公网安备 53010202000001号"
    settings.LIANXIN_SITE_CODE = "5301000001"
    page = client.get("/").content.decode()
    assert 'href="tel:087112345"' in page and "0871-12345" in page
    assert "主办单位：测试县交通运输局" in page and "网站标识码：5301000001" in page
    assert 'href="https://beian.miit.gov.cn/"' in page and "滇ICP备12345678号-1" in page
    assert "code=53010202000001" in page and "滇公网安备 53010202000001号" in page
    assert "主办单位：测试县交通运输局" in client.get("/track/").content.decode()


def test_the_home_page_names_the_organisation_that_receives_the_submissions(cc, client, settings):
    assert re.search(r"<h1[^>]*>测试公路段</h1>", client.get("/").content.decode())
    settings.LIANXIN_PORTAL_UNIT = cc.other.code
    assert re.search(r"<h1[^>]*>外县公路段</h1>", client.get("/").content.decode())

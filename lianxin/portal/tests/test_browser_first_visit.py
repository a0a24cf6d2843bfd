"""A newcomer's first visit in a real browser: the Chinese portal, the staff login, the unit
tree with leaders and secretaries, the language switch, and a phone-sized screen."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from lianxin.org.demo_data import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(__file__).resolve().parents[3] / "test-results"


def app_code(key: str) -> str:
    """The six digits an authenticator app shows now for this base32 key."""
    from base64 import b32decode

    from django_otp.oath import totp

    return f"{totp(b32decode(key + '=' * (-len(key) % 8))):06d}"


def test_leader_logs_in_and_sees_the_unit_tree_on_a_phone(browser, live_server):
    call_command("demo", stdout=io.StringIO())
    SHOTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert page.get_by_role("heading", name="青山县公路管理段").is_visible()

    # On a phone the menu is collapsed behind the toggler.
    assert not page.get_by_role("link", name="工作人员登录").is_visible()
    page.get_by_role("button", name="菜单").click()
    page.locator(".navbar-collapse.show").wait_for()
    page.wait_for_function("!document.querySelector('.collapsing')")
    login_link = page.get_by_role("link", name="工作人员登录")
    login_link.wait_for(state="visible")
    login_link.click()
    page.wait_for_url("**/accounts/login/**")

    page.get_by_label("登录名").fill("zhangjianguo")
    page.get_by_label("密码").fill("wrong password")
    page.get_by_role("button", name="登录").click()
    assert page.locator(".alert-danger").is_visible()

    page.get_by_label("登录名").fill("zhangjianguo")
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    # A leader sets up his authenticator app at the first login: the key shown as text is
    # what the app would take from the QR code; the code typed is what the app then shows.
    page.wait_for_url("**/accounts/second-factor/enrol/**")
    assert page.locator("#totp-qr svg").is_visible()
    key = page.locator("#totp-secret").inner_text().replace(" ", "")
    page.get_by_label("验证码").fill(app_code(key))
    page.get_by_role("button", name="确认").click()
    assert page.locator("#recovery-codes li").count() == 10
    page.get_by_role("link", name="已妥善保存，继续").click()
    page.wait_for_url("**/workbench/")
    assert page.get_by_role("heading", name="张建国，您好").is_visible()

    page.goto(live_server.url + "/workbench/org/")
    row = page.locator("tr", has_text="城关公路站")
    assert "吴刚" in row.inner_text() and "黄丽" in row.inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, "the page scrolls sideways on a phone"
    page.screenshot(path=str(SHOTS / "unit-tree-phone.png"), full_page=True)

    page.get_by_role("button", name="菜单").click()
    # Wait until Bootstrap's collapse has finished opening: a click during the animation
    # can be lost.
    page.locator(".navbar-collapse.show").wait_for()
    page.wait_for_function("!document.querySelector('.collapsing')")
    with page.expect_navigation():
        page.get_by_role("button", name="English").click()
    page.get_by_role("heading", name="Units · 青山县公路管理段").wait_for()
    context.close()

"""A citizen on a 390×844 phone, in a real browser (Debian's chromium): writes in with a
photo and a typo in his phone number, corrects the number without choosing the photo again,
gets a code with the deadline, the unit and the next step, follows the case and rates the
answer; no page scrolls sideways. Screenshots of the home and tracking pages at 1366×768 and
390×844 go to data/shots/ (not committed)."""

from pathlib import Path

import pytest

from lianxin.cases import actions
from lianxin.cases.models import Case
from lianxin.core import samples

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(__file__).resolve().parents[3] / "data" / "shots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}


def no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def lines_of(page, selector: str) -> int:
    """On how many lines the text of an element is laid out."""
    return page.evaluate(
        """s => { const r = document.createRange(); r.selectNodeContents(document.querySelector(s));
        return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }""",
        selector,
    )


def test_a_citizen_writes_in_with_a_photo_follows_and_rates_on_a_phone(browser, live_server, cc):
    SHOTS.mkdir(parents=True, exist_ok=True)
    citizen = browser.new_context(viewport=PHONE, locale="zh-CN")
    phone = citizen.new_page()
    phone.set_default_timeout(15000)
    phone.goto(live_server.url + "/")
    no_sideways_scroll(phone)
    phone.screenshot(path=str(SHOTS / "portal-home-390x844.png"), full_page=True)
    with phone.expect_navigation():
        phone.locator("#kind-cards").get_by_role("link", name="求助").click()
    assert phone.get_by_label("求助").is_checked()
    phone.get_by_label("分类").select_option(label="路面病害")
    phone.get_by_label("内容").fill("青山路桥头路面塌陷一个坑，请尽快修补")
    phone.get_by_label("地点").fill("青山镇青山村村口")
    phone.get_by_label("您的姓名").fill("赵市民")
    phone.get_by_label("您的电话").fill("1381234567")  # one digit short
    phone.get_by_label("照片或材料").set_input_files(
        files=[{"name": "路面坑.png", "mimeType": "image/png", "buffer": samples.png()}]
    )
    with phone.expect_navigation():
        phone.get_by_role("button", name="提交").click()
    phone.locator("#kept-files").wait_for()
    assert "不是有效的电话号码" in phone.locator("#submit-form").inner_text()
    assert "路面坑.png" in phone.locator("#kept-files").inner_text()
    assert phone.locator("#kept-files input[name=keep_file]").is_checked()
    assert Case.objects.count() == 0
    no_sideways_scroll(phone)
    phone.get_by_label("您的电话").fill("13812345678")
    with phone.expect_navigation():
        phone.get_by_role("button", name="提交").click()
    code = phone.locator("#case-code").inner_text()
    secret = phone.locator("#case-secret").inner_text()
    assert lines_of(phone, "#case-code") == 1 and lines_of(phone, "#case-secret") == 1
    assert phone.locator("#progress-status").inner_text() == "已提交，待受理"
    assert phone.locator("#progress-unit").inner_text() == cc.root.name
    assert phone.locator("#progress-due").inner_text().startswith("20")
    assert "工作日内审核" in phone.locator("#progress-next").inner_text()
    no_sideways_scroll(phone)
    case = Case.objects.get(code=code)
    assert [a.name for a in case.attachments.all()] == ["路面坑.png"]

    case = actions.case_dispatch(
        case=case, unit=cc.station_a, handler=cc.people.handler, actor=cc.dispatcher
    )
    case = actions.case_accept(case=case, actor=cc.handler)
    actions.case_reply(case=case, reply="坑槽已于今日修补完毕，感谢您的反映。", actor=cc.handler)

    phone.goto(live_server.url + "/track/")
    lookup = phone.locator("#lookup-form")
    lookup.get_by_label("工单编号").fill(code)
    lookup.get_by_label("查询码").fill(secret)
    with phone.expect_navigation():  # the page's proof of work first, then the lookup
        lookup.get_by_role("button", name="查询").click()
    assert "坑槽已于今日修补完毕" in phone.locator("#case-reply").inner_text()
    assert phone.locator("#progress-unit").inner_text() == "甲站"
    assert phone.locator("#case-status").inner_text() == "已答复，待评价"
    assert lines_of(phone, "#case-code") == 1
    assert phone.locator("a.nav-link[aria-current=true]", has_text="查询办理进度").count() == 1
    no_sideways_scroll(phone)
    phone.screenshot(path=str(SHOTS / "portal-track-390x844.png"), full_page=True)
    phone.get_by_label("非常满意").check()
    phone.get_by_label("已解决").check()
    with phone.expect_navigation():
        phone.get_by_role("button", name="提交评价").click()
    phone.locator("#case-status", has_text="已办结").wait_for()
    case = Case.objects.get(code=code)
    assert (case.status, case.rating, case.solved) == ("closed", 5, True)
    no_sideways_scroll(phone)

    phone.set_viewport_size(DESKTOP)
    phone.reload()
    no_sideways_scroll(phone)
    phone.screenshot(path=str(SHOTS / "portal-track-1366x768.png"))
    phone.goto(live_server.url + "/")
    phone.screenshot(path=str(SHOTS / "portal-home-1366x768.png"))
    phone.keyboard.press("Tab")  # the first stop is the skip link, and it shows
    skip = phone.locator("#skip-link")
    assert skip.evaluate("e => e === document.activeElement") and skip.is_visible()
    phone.screenshot(path=str(SHOTS / "portal-home-skip-link-1366x768.png"))
    citizen.close()

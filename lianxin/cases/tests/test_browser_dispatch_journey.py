"""Operator → dispatcher → handler → citizen in a real browser (Debian's chromium): the
operator's fast entry gives the code and secret to read to the caller; choosing the lead
unit filters the handler list; the handler accepts with the button in sight and replies
with a photo (a stock answer's "X月X日" is refused first); the citizen sees the reply and
the photo on a phone. And the dispatcher's queue on a phone: cards, no sideways scroll,
filters behind 筛选.

Screenshots go to test-results/ (or $LIANXIN_SHOTS_DIR): the dispatcher's queue and the
handler's case page at 1366×768 and 390×844."""

import os
from pathlib import Path

import pytest

from lianxin.cases.models import Case, ReplyTemplate
from lianxin.core import samples

from .conftest import receive

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(
    os.environ.get("LIANXIN_SHOTS_DIR") or Path(__file__).resolve().parents[3] / "test-results"
)
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for size, viewport in (("1366x768", DESKTOP), ("390x844", PHONE)):
        page.set_viewport_size(viewport)
        page.wait_for_timeout(200)
        page.screenshot(path=str(SHOTS / f"{name}-{size}.png"), full_page=False)
    page.set_viewport_size(DESKTOP)


def hidden(page, select, label):
    return page.locator(f"{select} option", has_text=label).evaluate("o => o.hidden")


def test_operator_dispatcher_handler_citizen(browser, staff_page, live_server, cc, tmp_path):
    ReplyTemplate.objects.create(
        unit=cc.station_a, title="已修补", text="您反映的坑槽已于X月X日修补完毕。"
    )
    receive(cc, content="城关镇至青山镇公路K3+200处路灯不亮，夜间行车看不清")
    receive(cc, content="山体落石阻断青山路，车辆无法通行", urgent=True)
    # the operator takes the call and reads the code and secret to the caller
    context, page = staff_page(cc.operator, width=1366)
    page.goto(live_server.url + "/workbench/cases/entry/")
    page.locator("#id_citizen_phone").fill("13812345678")
    page.locator("#id_kind").select_option(label="投诉")
    page.get_by_label("分类").select_option(label="路面病害")
    page.locator("#id_content").fill("青山路K12+300处有大坑，晚上骑车很危险")
    page.locator("#entry-form button[type=submit]").click()
    page.locator("#entry-receipt").wait_for()
    code = page.locator("#receipt-code").inner_text().strip()
    secret = page.locator("#receipt-secret").inner_text().strip()
    assert Case.objects.get(code=code).channel == "hotline"
    context.close()

    # the dispatcher: choosing the unit filters the handlers; 乙站 as co-unit
    context, page = staff_page(cc.dispatcher, width=1366)
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/workbench/cases/?tab=incoming")
    page.locator("#case-list").get_by_text("等待时长").wait_for()
    shoot(page, "dispatcher-queue")
    page.get_by_role("link", name=code).click()
    page.get_by_role("button", name="派单", exact=True).click()
    page.locator("#step-dispatch.show").wait_for()
    page.wait_for_function("!document.querySelector('.collapsing')")
    handlers = "#id_dispatch-handler"
    page.locator("#id_dispatch-unit").select_option(label="乙站")
    assert hidden(page, handlers, "杨承办") and not hidden(page, handlers, "郭承办")
    page.locator("#id_dispatch-unit").select_option(label="甲站")
    assert not hidden(page, handlers, "杨承办") and hidden(page, handlers, "郭承办")
    page.locator(handlers).select_option(label="杨承办")
    page.locator("#step-dispatch").get_by_label("乙站").check()
    assert page.locator("#step-dispatch").get_by_label("甲站").is_disabled()
    with page.expect_navigation():
        page.locator("#step-dispatch button[type=submit]").click()
    page.locator(".alert-success").wait_for()
    case = Case.objects.get(code=code)
    assert (case.lead_unit, case.handler) == (cc.station_a, cc.people.handler)
    assert list(case.co_units.all()) == [cc.station_b]
    context.close()

    # the handler: 签收 in sight, a stock answer refused, then a reply with a photo
    context, page = staff_page(cc.handler, width=1366)
    page.goto(f"{live_server.url}/workbench/cases/{code}/")
    shoot(page, "handler-case-to-accept")
    with page.expect_navigation():
        page.locator("#accept-form").get_by_role("button", name="签收").click()
    page.locator(".alert-success").wait_for()
    page.get_by_role("button", name="答复", exact=True).click()
    page.locator("#step-reply.show").wait_for()
    page.wait_for_function("!document.querySelector('.collapsing')")
    page.locator("#step-reply select[data-insert-into]").select_option(label="已修补")
    with page.expect_navigation():
        page.locator("#step-reply button[type=submit]").click()
    page.locator("#step-reply .invalid-feedback", has_text="X月X日").wait_for()
    assert Case.objects.get(code=code).status == "in_progress"
    page.locator("#id_reply-reply").fill("坑槽已于今日修补完毕，修复后照片见附件。")
    photo = tmp_path / "修复后.png"
    photo.write_bytes(samples.png())
    page.locator("#id_reply-files").set_input_files(str(photo))
    with page.expect_navigation():
        page.locator("#step-reply button[type=submit]").click()
    page.locator(".alert-success").wait_for()
    page.locator(".lx-timeline img.lx-thumb").wait_for()
    page.locator("#case-reply img.lx-thumb").wait_for()
    shoot(page, "handler-case-replied")
    context.close()

    # the citizen on a phone: the reply and its photo
    citizen = browser.new_context(viewport=PHONE, locale="zh-CN")
    phone = citizen.new_page()
    phone.set_default_timeout(15000)
    phone.goto(live_server.url + "/track/")
    lookup = phone.locator("#lookup-form")
    lookup.get_by_label("工单编号").fill(code)
    lookup.get_by_label("查询码").fill(secret)
    with phone.expect_navigation():
        lookup.get_by_role("button", name="查询").click()
    assert "坑槽已于今日修补完毕" in phone.locator("#case-reply").inner_text()
    # wait for the photo to load (in the DOM is not loaded yet); a broken one never passes
    phone.wait_for_function(
        "() => { const i = document.querySelector('.lx-timeline img.lx-thumb');"
        " return i && i.complete && i.naturalWidth > 0; }"
    )
    citizen.close()


def test_the_queue_on_a_phone_is_cards_without_sideways_scroll(staff_page, live_server, cc):
    receive(cc, content="青山路K12+300至K12+800段路面坑槽较多，雨天积水严重，请尽快安排修补")
    receive(cc, content="山体落石阻断道路", urgent=True)
    context, page = staff_page(cc.dispatcher, width=390)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/workbench/cases/?tab=incoming")
    rows = page.locator("#case-list tbody tr")
    rows.first.wait_for()
    assert page.locator("#case-list thead").is_hidden()
    assert rows.first.evaluate("r => getComputedStyle(r).display") == "flex"
    assert "山体落石" in rows.first.inner_text()  # urgent first
    title = rows.nth(1).locator(".lx-card-title")
    assert title.evaluate("t => t.getBoundingClientRect().width") > 300  # not squeezed
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("#case-filters").is_hidden()
    page.get_by_role("button", name="筛选").click()
    page.locator("#case-filters.show").wait_for()
    assert page.locator("#id_q").is_visible()
    context.close()

"""The whole loop in a real browser (Debian's chromium): a citizen writes in on a phone,
the dispatcher dispatches, the station accepts and replies, the citizen rates on the
tracking page; and the operator's fast entry with caller history and the knowledge base."""

from pathlib import Path

import pytest

from lianxin.cases import actions
from lianxin.cases.models import Case

from .conftest import receive

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(__file__).resolve().parents[3] / "test-results"


def take_step(page, label, fill=None):
    page.get_by_role("button", name=label, exact=True).first.click()
    section = page.locator(".accordion-collapse.show")
    section.wait_for()
    page.wait_for_function("!document.querySelector('.collapsing')")
    for name, value in (fill or {}).items():
        section.locator(f"[name$='-{name}']").fill(value)
    with page.expect_navigation():
        section.locator("button[type=submit]").click()
    page.locator(".alert-success").wait_for()


def test_portal_submission_to_rating(browser, staff_page, live_server, cc):
    SHOTS.mkdir(exist_ok=True)
    citizen = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    phone = citizen.new_page()
    phone.set_default_timeout(15000)
    phone.goto(live_server.url + "/submit/")
    phone.get_by_label("求助").check()
    phone.get_by_label("分类").select_option(label="路面病害")
    phone.get_by_label("内容").fill("甲站门口路面塌陷一个坑，请尽快修补")
    phone.get_by_label("地点").fill("青山镇青山村村口")
    phone.get_by_label("您的姓名").fill("赵市民")
    phone.get_by_label("您的电话").fill("13812345678")
    phone.get_by_role("button", name="提交").click()
    code = phone.locator("#case-code").inner_text()
    secret = phone.locator("#case-secret").inner_text()
    assert Case.objects.get(code=code).status == "received"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 391
    phone.screenshot(path=str(SHOTS / "case-submitted-phone.png"), full_page=True)

    context, page = staff_page(cc.dispatcher)
    page.goto(f"{live_server.url}/workbench/cases/?tab=incoming")
    page.get_by_role("link", name=code).click()
    page.get_by_role("button", name="派单", exact=True).click()
    page.locator("#step-dispatch.show").wait_for()
    page.wait_for_function("!document.querySelector('.collapsing')")
    page.locator("#id_dispatch-unit").select_option(label="甲站")
    with page.expect_navigation():
        page.locator("#step-dispatch button[type=submit]").click()
    page.locator(".alert-success").wait_for()
    context.close()

    context, page = staff_page(cc.handler)
    page.goto(f"{live_server.url}/workbench/cases/?tab=mine")
    page.get_by_role("link", name=code).click()
    with page.expect_navigation():  # 签收 is a button in sight, not a folded step
        page.locator("#accept-form").get_by_role("button", name="签收").click()
    page.locator(".alert-success").wait_for()
    take_step(page, "答复", {"reply": "坑槽已于今日修补完毕，感谢您的反映。"})
    assert "已答复" in page.locator("h1 + div, .badge").all_inner_texts().__str__()
    page.screenshot(path=str(SHOTS / "case-detail-handler.png"), full_page=True)
    context.close()

    phone.goto(live_server.url + "/track/")
    lookup = phone.locator("#lookup-form")
    lookup.get_by_label("工单编号").fill(code)
    lookup.get_by_label("查询码").fill(secret)
    with phone.expect_navigation():  # the page's proof of work first, then the lookup
        lookup.get_by_role("button", name="查询").click()
    assert "坑槽已于今日修补完毕" in phone.locator("#case-reply").inner_text()
    phone.get_by_label("非常满意").check()
    phone.get_by_label("已解决").check()
    with phone.expect_navigation():
        phone.get_by_role("button", name="提交评价").click()
    assert phone.locator("#case-status").inner_text() == "已办结"
    case = Case.objects.get(code=code)
    assert (case.status, case.rating, case.solved) == ("closed", 5, True)
    phone.screenshot(path=str(SHOTS / "case-rated-phone.png"), full_page=True)
    citizen.close()


def test_operator_fast_entry_with_caller_history_and_knowledge(staff_page, live_server, cc):
    earlier, _ = receive(cc, citizen_phone="13900001234", content="上次反映的路灯问题")
    known = actions.case_dispatch(
        case=receive(cc, kind="consult", content="超限运输许可怎么办理")[0],
        unit=cc.station_a,
        actor=cc.dispatcher,
    )
    known = actions.case_accept(case=known, actor=cc.handler)
    actions.case_reply(
        case=known,
        reply="超限运输许可在网上申请，5个工作日内办结。",
        reusable=True,
        actor=cc.handler,
    )
    context, page = staff_page(cc.operator)
    page.goto(live_server.url + "/workbench/cases/entry/")
    page.locator("#id_citizen_phone").fill("13900001234")
    page.locator("#caller").get_by_role("link", name=earlier.code).wait_for()
    page.get_by_label("分类").select_option(label="收费服务")
    page.locator("#id_content").fill("想问 超限运输 许可怎么办")
    page.get_by_placeholder("搜索答复").fill("超限运输")
    page.get_by_role("button", name="用作答复").first.click()
    assert "5个工作日内办结" in page.locator("#id_answer").input_value()
    page.get_by_role("button", name="保存").click()
    assert "已直接答复并办结" in page.locator("#entry-receipt").inner_text()
    case = Case.objects.get(citizen_phone="13900001234", direct_answer=True)
    assert (case.kind, case.status, case.channel) == ("consult", "closed", "hotline")
    context.close()

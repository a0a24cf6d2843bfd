"""In a real browser: a citizen on his phone reports a cadre anonymously (the page solves its
proof of work), keeps the receipt; the inspector accepts and asks a question; the citizen
opens the report with the receipt, reads the question and answers; the inspector reads it."""

import re
from pathlib import Path

import pytest

from lianxin.discipline.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(__file__).resolve().parents[3] / "test-results"


def test_anonymous_report_followed_up_with_its_receipt(browser, staff_page, live_server, dc):
    SHOTS.mkdir(exist_ok=True)
    citizen = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    phone = citizen.new_page()
    phone.set_default_timeout(20000)
    phone.goto(f"{live_server.url}/rules/zuofeng/3/2/")
    with phone.expect_navigation():
        phone.get_by_role("link", name="举报违反本条款的行为").click()
    assert phone.get_by_label("违反的条款（可不填）").input_value() == "zuofeng/3/2"
    phone.get_by_label("被举报单位").select_option(label="甲站")
    phone.get_by_label("被举报人（如知道）").select_option(label="杨承办")
    phone.get_by_label("问题描述").fill("上班时间在治超点玩手机，群众咨询不理睬。")
    with phone.expect_navigation():
        phone.get_by_role("button", name="提交举报").click()
    receipt = re.sub(r"\s", "", phone.locator("#receipt").inner_text())
    assert len(receipt) == 16
    report = Report.objects.get()
    assert report.anonymous and report.clause.label == "第三条第二款"

    context, page = staff_page(dc.inspector)
    page.goto(f"{live_server.url}/workbench/discipline/reports/{report.pk}/")
    with page.expect_navigation():
        page.locator("#step-accept").click()
    page.get_by_label("给举报人的留言").fill("请问具体是哪一天？")
    with page.expect_navigation():
        page.get_by_role("button", name="发送").click()

    again = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    later = again.new_page()
    later.set_default_timeout(15000)
    later.goto(f"{live_server.url}/report/follow/")
    later.get_by_label("查询码").fill(" ".join(receipt[i : i + 4] for i in range(0, 16, 4)))
    with later.expect_navigation():
        later.get_by_role("button", name="打开").click()
    assert "已受理" in later.locator("#report-status").inner_text()
    assert "请问具体是哪一天？" in later.locator("#exchange").inner_text()
    later.get_by_label("留言").fill("是11月25日下午三点左右。")
    with later.expect_navigation():
        later.get_by_role("button", name="发送").click()
    assert "11月25日" in later.locator("#exchange").inner_text()
    later.screenshot(path=str(SHOTS / "report-follow.png"), full_page=True)

    page.reload()
    assert "是11月25日下午三点左右。" in page.locator("#exchange").inner_text()
    for c in (citizen, again, context):
        c.close()

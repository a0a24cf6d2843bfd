"""In a real browser on a 1366×768 screen: an inspector takes a report from the register
through 受理, 确定处置方式, 办结 and 反馈并结案. Each button says its verb, the form keeps the
choice made, the record names him and the steps in words, and nothing runs off the screen."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from lianxin.discipline.tests.conftest import submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(__file__).resolve().parents[3] / "test-results"


def test_an_inspector_handles_a_report_on_a_laptop_screen(staff_page, live_server, dc):
    SHOTS.mkdir(exist_ok=True)
    report, _r = submit(dc)
    context, page = staff_page(dc.inspector, width=1366)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{live_server.url}/workbench/discipline/")
    expect(page.locator(".nav-pills .active")).to_have_text("信访举报")
    expect(page.locator("#reports thead")).to_contain_text("收件日期")
    with page.expect_navigation():
        page.get_by_role("link", name=report.number).click()

    page.get_by_label("被举报人（请确认）").select_option(label="杨承办　甲站")
    with page.expect_navigation():
        page.get_by_role("button", name="受理", exact=True).click()
    expect(page.locator("h1")).to_contain_text("已受理")

    page.get_by_label("处置方式").select_option("verify")
    page.get_by_label("问题类别").select_option("banquets")
    with page.expect_navigation():
        page.get_by_role("button", name="确定处置方式").click()
    expect(page.locator("h1")).to_contain_text("处置中")
    # the form shows the choice made, and the record says who did what in words
    expect(page.get_by_label("处置方式")).to_have_value("verify")
    expect(page.get_by_label("问题类别")).to_have_value("banquets")
    record = page.locator(".card", has_text="办理记录")
    expect(record).to_contain_text("马纪检（纪检室）：受理")
    expect(record).to_contain_text("马纪检（纪检室）：确定处置方式（初步核实）")
    assert "inspector" not in record.inner_text() and "disposed" not in record.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    page.screenshot(path=str(SHOTS / "discipline-inspector-1366.png"), full_page=True)

    page.get_by_label("核查结果").fill("经核实，反映的问题基本属实。")
    page.get_by_label("处理决定").fill("对杨承办予以诫勉。")
    with page.expect_navigation():
        page.get_by_role("button", name="办结").click()
    expect(page.locator("h1")).to_contain_text("已办结待反馈")
    page.get_by_label("向举报人反馈").fill(
        "经核实，问题基本属实，已对相关人员予以诫勉。感谢您的监督。"
    )
    with page.expect_navigation():
        page.get_by_role("button", name="反馈并结案").click()
    expect(page.locator("h1")).to_contain_text("已办结并反馈")
    expect(record).to_contain_text("向举报人反馈结果，办结")
    assert page.get_by_role("button", name="保存").count() == 0
    context.close()

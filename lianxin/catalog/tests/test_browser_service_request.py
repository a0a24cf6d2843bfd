"""In a real browser: the window registers a request, asks for missing materials in one go,
resumes and completes it; the applicant gives a bad rating on the portal; the unit records
the rectification, which the public review page then shows."""

import re
from pathlib import Path

import pytest

from lianxin.catalog.models import Review, ServiceRequest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(__file__).resolve().parents[3] / "test-results"


def test_request_through_pause_completion_bad_rating_and_rectification(
    browser, staff_page, live_server, sv
):
    SHOTS.mkdir(exist_ok=True)
    context, page = staff_page(sv.handler)

    page.goto(live_server.url + "/workbench/services/requests/")
    page.get_by_label("事项").select_option(label="涉路施工许可")
    page.get_by_label("申请人").fill("青山建工集团")
    page.get_by_label("电话").fill("13812345678")
    page.get_by_label("申请事由").fill("S205线K12开挖埋设管线")
    page.get_by_role("button", name="登记", exact=True).click()
    message = page.locator(".alert-success").inner_text()
    secret = re.search(r"评价码：([\w-]+)", message).group(1)
    code = ServiceRequest.objects.get().code

    page.get_by_label("施工图纸").check()
    with page.expect_navigation():
        page.get_by_role("button", name="告知申请人").click()
    assert "待补正" in page.locator("#request-state").inner_text()
    with page.expect_navigation():
        page.get_by_role("button", name="材料已补齐，恢复计时").click()
    page.get_by_label("决定").select_option(label="已批准")
    with page.expect_navigation():
        page.get_by_role("button", name="办结").last.click()
    assert "已办结" in page.locator("#request-state").inner_text()

    applicant = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    phone = applicant.new_page()
    phone.set_default_timeout(15000)
    phone.goto(f"{live_server.url}/services/review/?code={code}")
    phone.get_by_label("评价码").fill(secret)
    phone.get_by_label("不满意", exact=True).check()
    phone.get_by_label("理由").fill("窗口人员解释不清楚，跑了两趟")
    with phone.expect_navigation():
        phone.get_by_role("button", name="发送").click()
    assert "承办单位将于" in phone.locator("#review-done").inner_text()

    page.reload()
    page.get_by_placeholder("整改情况及对申请人的答复").fill("已对窗口人员培训，并电话致歉。")
    with page.expect_navigation():
        page.get_by_role("button", name="登记整改").click()
    assert "已对窗口人员培训" in page.locator("#review").inner_text()
    page.screenshot(path=str(SHOTS / "service-request.png"), full_page=True)

    phone.goto(live_server.url + "/services/reviews/")
    assert "已对窗口人员培训" in phone.content()
    phone.screenshot(path=str(SHOTS / "service-reviews-phone.png"), full_page=True)
    review = Review.objects.get()
    assert review.level == 2 and review.rectified_at is not None
    applicant.close()
    context.close()

"""In a real browser: a station's secretary and the party-building office agree a monthly
plan together, and a report submitted after its due day is flagged late on the grid."""

from pathlib import Path

import pytest
from django.utils import timezone

from lianxin.core import clock
from lianxin.partywork import months
from lianxin.partywork.models import MonthlyPlan, MonthlyReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(__file__).resolve().parents[3] / "test-results"


def test_plan_agreed_by_both_and_a_late_report_flagged(staff_page, live_server, pw):
    SHOTS.mkdir(exist_ok=True)
    this_month = months.first_of(timezone.localdate(clock.now()))
    next_month = months.next_month(this_month)
    late_month = months.previous_month(months.previous_month(this_month))
    a = pw.station_a.pk

    context, page = staff_page(pw.sec_a, width=390)
    page.goto(f"{live_server.url}/workbench/partywork/units/{a}/plans/{next_month:%Y-%m}/")
    with page.expect_navigation():
        page.get_by_role("button", name="开始制定计划").click()
    page.get_by_label("工作内容").fill("主题党日：重温入党誓词")
    page.get_by_label("责任人").fill("全体党员")
    page.get_by_label("时间").fill(next_month.replace(day=8).isoformat())
    with page.expect_navigation():
        page.get_by_role("button", name="添加一项").click()
    with page.expect_navigation():
        page.get_by_role("button", name="确认计划").click()
    assert "双方尚未商定" in page.locator("#plan-state").inner_text()

    page.goto(f"{live_server.url}/workbench/partywork/units/{a}/reports/{late_month:%Y-%m}/")
    for label in ("职工思想动态", "开展的活动", "存在的问题", "下步打算"):
        page.get_by_label(label).fill("本月情况正常，按计划开展各项工作。")
    with page.expect_navigation():
        page.get_by_role("button", name="报送月报").click()
    assert "逾期" in page.locator("#report-state").inner_text()
    page.screenshot(path=str(SHOTS / "partywork-report-phone.png"), full_page=True)
    context.close()

    context, page = staff_page(pw.officer)
    page.goto(f"{live_server.url}/workbench/partywork/units/{a}/plans/{next_month:%Y-%m}/")
    with page.expect_navigation():
        page.get_by_role("button", name="确认计划").click()
    assert "双方已商定" in page.locator("#plan-state").inner_text()
    page.goto(f"{live_server.url}/workbench/partywork/")
    row = page.locator("tr", has_text="甲站")
    assert "逾期" in row.inner_text()
    page.screenshot(path=str(SHOTS / "partywork-grid.png"), full_page=True)
    context.close()

    assert MonthlyPlan.objects.get(unit=pw.station_a, month=next_month).agreed
    assert MonthlyReport.objects.get(unit=pw.station_a, month=late_month).late

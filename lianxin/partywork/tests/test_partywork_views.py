"""The party-work pages: the grid with late and overdue reports, plans agreed through the
pages, reports sent back, guidance issued and confirmed, attendance, Excel exports."""

import io
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from conftest import sheet_rows
from lianxin.core import clock
from lianxin.partywork import actions, months
from lianxin.partywork.models import MonthlyPlan, Receipt

FULL = dict.fromkeys(
    ["thinking", "activities", "problems", "next_steps"], "本月情况正常，按计划开展。"
)

# Dates here follow the wall clock: also run at midnight in Beijing, a month end, a holiday.
pytestmark = pytest.mark.any_hour


def test_the_grid_flags_late_and_overdue_reports_and_exports_them(pw, login, export_job):
    october = date(2026, 10, 1)
    with clock.frozen_at(months.report_due(october) + timedelta(days=1)):
        report = actions.report_save(unit=pw.station_a, month=october, actor=pw.sec_a, **FULL)
        actions.report_submit(report=report, actor=pw.sec_a)
    with clock.frozen_at(timezone.make_aware(datetime(2026, 11, 20, 10))):
        client = login(pw.officer)
        rows = client.get("/workbench/partywork/").context["rows"]
        cells = {r["unit"].name: {c["month"]: c for c in r["cells"]} for r in rows}
        assert cells["甲站"][october]["report"].late
        assert cells["乙站"][october]["overdue"]
        job, data = export_job(client, "/workbench/partywork/reports.xlsx")
        table = sheet_rows(data)
        col = table[1].index("2026-10")
        assert table[2][col] == "已报送 (逾期)" and table[3][col] == "已超期"
        assert login(pw.sec_a).get(f"/workbench/exports/{job.pk}/download/").status_code == 404


def test_a_plan_through_the_pages(pw, login):
    with clock.frozen_at(timezone.make_aware(datetime(2026, 11, 20, 10))):
        url = f"/workbench/partywork/units/{pw.station_a.pk}/plans/2026-12/"
        sec = login(pw.sec_a)
        assert sec.post(url, {"do": "create"}).status_code == 302
        r = sec.post(
            url,
            {
                "do": "item",
                "item-what": "主题党日",
                "item-who": "全体党员",
                "item-when": "2026-12-08",
            },
        )
        assert r.status_code == 302
        assert sec.post(url, {"do": "create"}).status_code == 400  # a second plan
        sec.post(url, {"do": "agree"})
        office = login(pw.officer)
        office.post(url, {"do": "agree"})
        plan = MonthlyPlan.objects.get()
        assert plan.agreed
        assert "双方已商定" in office.get(url).content.decode()


def test_a_thin_report_is_sent_back_through_the_page(pw, login):
    with clock.frozen_at(timezone.make_aware(datetime(2026, 11, 3, 10))):
        url = f"/workbench/partywork/units/{pw.station_a.pk}/reports/2026-10/"
        sec = login(pw.sec_a)
        r = sec.post(url, {"do": "submit", "thinking": "稳定"})
        assert r.status_code == 400 and "至少写几句话" in r.content.decode()
        sec.post(url, {"do": "submit", **FULL})
        office = login(pw.officer)
        r = office.post(url, {"do": "return", "comment": "请具体写明活动情况"})
        assert r.status_code == 302
        sec = login(pw.sec_a)  # the test client is shared: log the secretary in again
        page = sec.get(url).content.decode()
        assert "已退回" in page and "请具体写明活动情况" in page
        future = f"/workbench/partywork/units/{pw.station_a.pk}/reports/2026-12/"
        r = sec.post(future, {"do": "save", **FULL})
        assert r.status_code == 400 and "尚未开始" in r.content.decode()


def test_guidance_issued_and_confirmed_through_the_pages(pw, login):
    r = login(pw.officer).post(
        "/workbench/partywork/guidance/new/",
        {
            "title": "冬季保畅通知",
            "body": "各站所……",
            "units": [pw.station_a.pk, pw.station_b.pk],
        },
    )
    assert r.status_code == 302
    receipt = Receipt.objects.get(unit=pw.station_a)
    url = f"/workbench/partywork/guidance/{receipt.guidance_id}/confirm/{pw.station_a.pk}/"
    login(pw.handler).post(url)  # a handler of the station is not its secretary
    receipt.refresh_from_db()
    assert receipt.confirmed_at is None
    login(pw.sec_a).post(url)
    receipt.refresh_from_db()
    assert receipt.confirmed_by == pw.people.sec_a
    page = login(pw.officer).get(f"/workbench/partywork/guidance/{receipt.guidance_id}/")
    assert "黄书记" in page.content.decode() and "未签收" in page.content.decode()


def test_attendance_through_the_page_and_the_month_export(pw, login, export_job):
    session = actions.session_plan(
        unit=pw.station_a,
        topic="学习条例",
        actor=pw.sec_a,
        starts_at=timezone.make_aware(datetime(2026, 11, 10, 15)),
    )
    url = f"/workbench/partywork/study/{session.pk}/"
    data = {f"status-{p.pk}": "present" for p in (pw.people.station_leader, pw.people.sec_a)}
    data[f"status-{pw.people.handler.pk}"] = "excused"
    r = login(pw.sec_a).post(url, {**data, "summary": "认真学习"})
    assert r.status_code == 400 and "请假原因" in r.content.decode()
    r = login(pw.sec_a).post(
        url, {**data, f"reason-{pw.people.handler.pk}": "除雪", "summary": "认真学习"}
    )
    assert r.status_code == 302
    record = login(pw.officer).get(f"/workbench/partywork/people/{pw.people.handler.pk}/study/")
    assert "学习条例" in record.content.decode() and "请假" in record.content.decode()
    _job, data = export_job(login(pw.officer), "/workbench/partywork/2026-11.xlsx")
    assert load_workbook(io.BytesIO(data)).sheetnames == ["计划", "月报"]


def test_the_grid_marks_the_current_month_for_the_phone_to_scroll_to(pw, login):
    with clock.frozen_at(timezone.make_aware(datetime(2026, 11, 20, 10))):
        page = login(pw.officer).get("/workbench/partywork/").content.decode()
    assert 'data-scroll-to=".lx-current"' in page and "js/grid.js" in page
    current = page[page.index('class="text-nowrap lx-current"') :][:120]
    assert "2026-11" in current and "本月" in current
    assert page.count(' lx-current"') == 1

"""The monthly report exported in the background (a sheet per table, read back; CSV) and
as a printable page; the file for its asker only."""

from io import BytesIO

from openpyxl import load_workbook

from conftest import sheet_rows
from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.stats.actions import scorecard_freeze

from .conftest import NOVEMBER, at

URL = "/workbench/scorecards/2026-11/report.xlsx"


def test_the_workbook_has_a_sheet_per_table_with_the_figures(november, login, export_job):
    with clock.frozen_at(at(2026, 12, 9, 9)):
        scorecard_freeze(root=november.root, month=NOVEMBER, actor=Actor.system())
    with clock.frozen_at(at(2026, 12, 10, 9)):
        job, data = export_job(login(november.leader), URL)
    book = load_workbook(BytesIO(data))
    assert book.sheetnames == ["单位", "负责人", "联系群众、服务、制度", "全段"]
    units = book["单位"]
    assert "测试公路段" in units["A1"].value and "2026-11" in units["A1"].value
    headers = [c.value for c in units[2]]
    rows = {
        r[1]: dict(zip(headers, r, strict=True))
        for r in units.iter_rows(min_row=3, values_only=True)
    }
    a = rows["甲站"]
    assert a["排名"] == 2 and a["已受理"] == 3
    assert a["签收率（%）"] == 66.7 and a["满意率（%）"] == 50.0 and a["综合得分"] == 72.5
    assert rows["乙站"]["排名"] == 1
    assert book["全段"].cell(row=3, column=1).value == 4  # received by the organisation
    with clock.frozen_at(at(2026, 12, 10, 9)):
        job, data = export_job(login(november.leader), URL, fmt="csv")
    text = data.decode("utf-8-sig")
    assert text.startswith("排名,单位,") and "甲站" in text and "全段" in text


def test_a_station_exports_only_itself_and_nobody_else_downloads_it(november, login, export_job):
    with clock.frozen_at(at(2026, 12, 10, 9)):
        job, data = export_job(login(november.handler), URL)
        assert [r[1] for r in sheet_rows(data)[2:]] == ["甲站"]
        assert login(november.leader).get(f"/workbench/exports/{job.pk}/").status_code == 404
        outsider = login(november.outsider)
        assert outsider.get(f"/workbench/exports/{job.pk}/download/").status_code == 404


def test_the_printable_page(november, login):
    with clock.frozen_at(at(2026, 12, 10, 9)):
        html = login(november.leader).get("/workbench/scorecards/2026-11/print/").content.decode()
    assert "考核评价月报" in html and "72.5" in html and "尚未固化" in html


def test_a_bad_month_is_404(november, login):
    bad = "/workbench/scorecards/2026-1x/report.xlsx"
    assert login(november.leader).post(bad, {"fmt": "xlsx"}).status_code == 404

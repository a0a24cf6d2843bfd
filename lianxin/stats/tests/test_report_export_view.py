"""The monthly report as Excel (a sheet per table, read back) and as a printable page."""

from io import BytesIO

from openpyxl import load_workbook

from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.stats.actions import scorecard_freeze

from .conftest import NOVEMBER, at


def test_the_workbook_has_a_sheet_per_table_with_the_figures(november, login):
    with clock.frozen_at(at(2026, 12, 9, 9)):
        scorecard_freeze(root=november.root, month=NOVEMBER, actor=Actor.system())
    with clock.frozen_at(at(2026, 12, 10, 9)):
        response = login(november.leader).get("/workbench/scorecards/2026-11/report.xlsx")
    assert response.status_code == 200
    book = load_workbook(BytesIO(response.content))
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


def test_a_station_exports_only_itself(november, login):
    with clock.frozen_at(at(2026, 12, 10, 9)):
        response = login(november.handler).get("/workbench/scorecards/2026-11/report.xlsx")
    names = [
        r[1]
        for r in load_workbook(BytesIO(response.content))["单位"].iter_rows(
            min_row=3, values_only=True
        )
    ]
    assert names == ["甲站"]


def test_the_printable_page(november, login):
    with clock.frozen_at(at(2026, 12, 10, 9)):
        html = login(november.leader).get("/workbench/scorecards/2026-11/print/").content.decode()
    assert "考核评价月报" in html and "72.5" in html and "尚未固化" in html


def test_a_bad_month_is_404(november, login):
    assert (
        login(november.leader).get("/workbench/scorecards/2026-1x/report.xlsx").status_code == 404
    )

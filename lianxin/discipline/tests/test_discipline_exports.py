"""The registers as Excel: reports (never the reporter) and penalties, for inspectors only."""

import datetime
import io

from openpyxl import load_workbook

from lianxin.discipline import actions
from lianxin.discipline.tests.conftest import submit


def rows(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_the_registers_as_excel(dc, login):
    report, _r = submit(dc, name="欧阳举报", phone="13987654321")
    actions.penalty_record(
        root=dc.root, person=dc.people.handler, kind="admin", measure="demerit",
        category="gifts", decided_on=datetime.date(2026, 11, 3), document_no="测〔2026〕4号",
        reason="收受礼品", actor=dc.inspector,
    )  # fmt: skip
    inspector = login(dc.inspector)
    table = rows(inspector.get("/workbench/discipline/", {"format": "xlsx"}))
    assert table[0][0] == "测试公路段举报受理登记簿"
    assert table[2][0] == report.number and table[2][3] == "杨承办" and table[2][-1] == "实名"
    flat = str(table)
    assert "欧阳举报" not in flat and "13987654321" not in flat
    penalties = rows(inspector.get("/workbench/discipline/penalties/", {"format": "xlsx"}))
    assert penalties[2][:4] == ["杨承办", "甲站", "政务处分", "记过"]
    for user in (dc.handler, dc.admin):
        assert login(user).get("/workbench/discipline/", {"format": "xlsx"}).status_code == 404

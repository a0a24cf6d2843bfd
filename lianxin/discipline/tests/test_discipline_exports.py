"""The registers exported in the background: reports (never the reporter) for those on the
fallback, penalties for inspectors; each file downloaded by the person who asked only."""

import datetime

from conftest import sheet_rows
from lianxin.discipline import actions
from lianxin.discipline.tests.conftest import submit

REPORTS = "/workbench/discipline/export/"
PENALTIES = "/workbench/discipline/penalties/export/"


def test_the_register_of_reports_never_names_the_reporter(dc, login, export_job):
    report, _r = submit(dc, name="欧阳举报", phone="13987654321")
    inspector = login(dc.inspector)
    job, data = export_job(inspector, REPORTS)
    table = sheet_rows(data)
    assert job.rows == 1 and table[0][0] == "测试公路段举报受理登记簿"
    assert table[2][0] == report.number and table[2][3] == "杨承办" and table[2][-1] == "实名"
    assert "欧阳举报" not in str(table) and "13987654321" not in str(table)
    job, data = export_job(inspector, REPORTS, fmt="csv")
    text = data.decode("utf-8-sig")
    assert report.number in text and "欧阳举报" not in text and "13987654321" not in text
    for user in (dc.handler, dc.admin):
        outsider = login(user)
        assert outsider.post(REPORTS, {"fmt": "xlsx"}).status_code == 404
        assert outsider.get(f"/workbench/exports/{job.pk}/download/").status_code == 404


def test_the_register_of_penalties_for_inspectors(dc, login, export_job):
    actions.penalty_record(
        root=dc.root, person=dc.people.handler, kind="admin", measure="demerit",
        category="gifts", decided_on=datetime.date(2026, 11, 3), document_no="测〔2026〕4号",
        reason="收受礼品", actor=dc.inspector,
    )  # fmt: skip
    job, data = export_job(login(dc.inspector), PENALTIES)
    rows = sheet_rows(data)
    assert job.rows == 1 and rows[2][:4] == ["杨承办", "甲站", "政务处分", "记过"]
    assert rows[2][5] == "2026-11-03"
    assert login(dc.leader).post(PENALTIES, {"fmt": "xlsx"}).status_code == 404
    assert login(dc.head).get(f"/workbench/exports/{job.pk}/download/").status_code == 404

"""The study table of a version exported in the background: per unit, cadres, confirmed,
rate, who is missing; for those who see the version, the file for its asker only."""

from conftest import sheet_rows
from lianxin.rules import actions


def test_the_study_table_as_a_job(rc, login, export_job):
    actions.version_acknowledge(version=rc.v1, actor=rc.handler)
    url = f"/workbench/rules/versions/{rc.v1.pk}/export/"
    job, data = export_job(login(rc.admin), url)
    table = sheet_rows(data)
    assert table[0][0] == "《干部作风规定》（第 1 版）学习情况"
    by_unit = {row[0]: row for row in table[2:]}
    assert by_unit["甲站"][1:] == [2, 1, "50%", "吴站长"]
    assert by_unit["乙站"][2:4] == [0, "0%"]
    outsider = login(rc.outsider)
    assert outsider.post(url, {"fmt": "xlsx"}).status_code == 404
    assert outsider.get(f"/workbench/exports/{job.pk}/download/").status_code == 404

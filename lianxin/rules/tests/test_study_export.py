"""The study table of a version as Excel: per unit, cadres, confirmed, rate, who is missing."""

import io

from openpyxl import load_workbook

from lianxin.rules import actions


def test_the_study_table_as_excel(rc, login):
    actions.version_acknowledge(version=rc.v1, actor=rc.handler)
    r = login(rc.admin).get(f"/workbench/rules/versions/{rc.v1.pk}/", {"format": "xlsx"})
    table = [
        [c.value for c in row] for row in load_workbook(io.BytesIO(r.content)).active.iter_rows()
    ]
    assert table[0][0] == "《干部作风规定》（第 1 版）学习情况"
    by_unit = {row[0]: row for row in table[2:]}
    assert by_unit["甲站"][1:] == [2, 1, "50%", "吴站长"]
    assert by_unit["乙站"][2:4] == [0, "0%"]

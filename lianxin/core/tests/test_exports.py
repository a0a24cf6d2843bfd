"""core.exports: every workbook leaves through one function that neutralises formulas."""

import re
from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook

from lianxin.core.exports import table_response

ROOT = Path(__file__).resolve().parents[3]


def test_cells_that_look_like_formulas_become_plain_text():
    values = ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x","y")']
    response = table_response(
        title="导出", headers=["内容", "数"], rows=[[v, 3] for v in values], filename="t.xlsx"
    )
    sheet = load_workbook(BytesIO(response.content)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=3)]
    assert [c.value for c in cells] == [v.replace("\r", "\n") for v in values]  # XML has no CR
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    numbers = [row[1] for row in sheet.iter_rows(min_row=3)]
    assert all(c.value == 3 and c.data_type == "n" for c in numbers)  # numbers stay numbers


def test_no_module_saves_a_workbook_any_other_way():
    """Each exporter hands its workbook to core.exports (xlsx_response / workbook_bytes, or
    stream_table for the large ones, which core.xlsxstream writes)."""
    offenders = []
    exporters = [p for p in (ROOT / "lianxin").rglob("*.py") if "openpyxl" in p.read_text()]
    assert len(exporters) >= 8  # the scan sees the project's exporters
    for path in (ROOT / "lianxin").rglob("*.py"):
        if "tests" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"write_only\s*=\s*True", text):  # large files: core.xlsxstream, 10x faster
            offenders.append(str(path.relative_to(ROOT)) + " (write-only workbook)")
        if path.name == "exports.py" and path.parent.name == "core":
            continue
        if "openpyxl" in text and re.search(r"\b(book|wb|workbook)\w*\.save\(", text):
            offenders.append(str(path.relative_to(ROOT)))
        if re.search(r"csv\.(writer|DictWriter)\(", text):
            offenders.append(str(path.relative_to(ROOT)) + " (csv writer)")
    assert offenders == []


def test_a_csv_cell_typed_as_a_formula_stays_text():
    import csv
    import io

    from lianxin.core.exports import csv_response

    rows = [{"a": '=HYPERLINK("http://evil/","点我")', "b": "@SUM(1)", "c": 3, "d": None}]
    response = csv_response(fieldnames=["a", "b", "c", "d"], rows=rows, filename="表.csv")
    text = response.content.decode("utf-8-sig")
    got = list(csv.DictReader(io.StringIO(text)))[0]
    assert got == {"a": '\'=HYPERLINK("http://evil/","点我")', "b": "'@SUM(1)", "c": "3", "d": ""}
    assert "UTF-8''%E8%A1%A8.csv" in response["Content-Disposition"]

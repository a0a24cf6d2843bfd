"""core.xlsxstream: the export jobs' own .xlsx writer, read back by openpyxl as a user's
spreadsheet would read it."""

import io
import zipfile
from datetime import UTC, date, datetime, time
from decimal import Decimal
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from lianxin.core.xlsxstream import XlsxWriter

BEIJING = ZoneInfo("Asia/Shanghai")


def written(*sheets, tz=BEIJING) -> bytes:
    """The bytes of a workbook of (name, title, headers, rows) sheets."""
    out = io.BytesIO()
    with XlsxWriter(out, tz=tz) as book:
        for name, title, headers, rows in sheets:
            book.add_sheet(name, title=title, headers=headers)
            book.write_rows(rows)
    return out.getvalue()


def cells(data: bytes, sheet: int = 0) -> list[list]:
    ws = load_workbook(io.BytesIO(data)).worksheets[sheet]
    return [list(row) for row in ws.iter_rows()]


def test_every_kind_of_value_reads_back_as_written():
    long_text = "青山路K12+300处有一个大坑，晚上骑车很危险。" * 1000  # 22,000 characters
    row = [
        "中文工单",
        long_text,
        42,
        -3.25,
        Decimal("12.50"),
        None,
        "",
        True,
        date(2026, 11, 30),
        datetime(2026, 12, 3, 15, 59, tzinfo=UTC),  # 23:59 in Beijing
        datetime(2026, 12, 4, 8, 30),  # naive: already local
        time(9, 15, 30),
        "a & b < c > d",
        "  两端空格  ",
        "第一行\r\n第二行",
        float("nan"),
        10**15,
    ]
    got = cells(written(("工单", "某公路段的工单", [f"列{i}" for i in range(len(row))], [row])))
    values = [c.value for c in got[2]]
    assert values[:8] == ["中文工单", long_text, 42, -3.25, 12.5, None, None, True]
    assert values[8] == datetime(2026, 11, 30) and got[2][8].number_format == "yyyy-mm-dd"
    assert values[9] == datetime(2026, 12, 3, 23, 59)
    assert got[2][9].number_format == "yyyy-mm-dd hh:mm" and got[2][9].data_type == "d"
    assert values[10] == datetime(2026, 12, 4, 8, 30) and values[11] == time(9, 15, 30)
    assert values[12:] == ["a & b < c > d", "  两端空格  ", "第一行\n第二行", "nan", 10**15]
    assert [c.data_type for c in got[2][:5]] == ["s", "s", "n", "n", "n"]  # numbers stay numbers


def test_text_that_looks_like_a_formula_stays_text():
    risky = ["=1+1", '=HYPERLINK("http://evil","点我")', "+1", "-2+3", "@SUM(A1)", "\t=1", "\n=1"]
    got = cells(written(("s", "t", ["内容"], [[v] for v in risky])))
    body = [row[0] for row in got[2:]]
    assert [c.value for c in body] == risky
    assert all(c.data_type == "s" and c.quotePrefix for c in body)  # never "f"
    plain = cells(written(("s", "t", ["内容"], [["1+1"], ["a=b"]])))
    assert not any(row[0].quotePrefix for row in plain[2:])


def test_characters_xml_forbids_are_dropped_and_the_file_still_opens():
    typed = "退\x00格\x08符\x0b号\x1b[31m\ufffe\uffff尾\x7f"
    got = cells(written(("s", "t", ["内容"], [[typed], ["\x01\x02"], ["正常"]])))
    assert got[2][0].value == "退格符号[31m尾\x7f"  # DEL is allowed in XML 1.0
    assert got[3][0].value is None and got[4][0].value == "正常"


def test_title_and_header_are_bold_and_two_sheets_keep_their_names():
    data = written(
        ("计划", "十一月的计划", ["单位", "计划"], [["一站", "巡查"]]),
        ("月报", "十一月的月报", ["单位", "月报"], [["一站", "已报"], ["二站", ""]]),
    )
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["计划", "月报"]
    second = book["月报"]
    assert [[c.value for c in row] for row in second.iter_rows()] == [
        ["十一月的月报", None],
        ["单位", "月报"],
        ["一站", "已报"],
        ["二站", None],
    ]
    assert second["A1"].font.b and second["A1"].font.sz == 14
    assert second["A2"].font.b and second["B2"].font.b and not second["A3"].font.b


def test_sheet_names_are_made_valid_and_unique():
    data = written(
        ("工单/列表[1]", None, [], []), ("工单/列表[1]", None, [], []), ("x" * 40, None, [], [])
    )
    assert load_workbook(io.BytesIO(data)).sheetnames == ["工单_列表_1_", "工单_列表_1_1", "x" * 31]


def test_the_parts_excel_and_libreoffice_need_are_there_and_well_formed():
    data = written(("一", "t", ["h"], [[1]]), ("二", "t", ["h"], [[2]]))
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    assert {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/styles.xml"} <= names
    assert {
        "xl/_rels/workbook.xml.rels",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
    } <= names
    for name in names:
        ElementTree.fromstring(archive.read(name))  # every part is well-formed XML
    types = archive.read("[Content_Types].xml").decode()
    for part in (
        "/xl/workbook.xml",
        "/xl/styles.xml",
        "/xl/worksheets/sheet1.xml",
        "/xl/worksheets/sheet2.xml",
    ):
        assert f'PartName="{part}"' in types
    assert 'Target="xl/workbook.xml"' in archive.read("_rels/.rels").decode()
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {"xl/" + r.get("Target") for r in rels}
    assert targets == {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/styles.xml"}
    assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in archive.infolist())


def test_an_aware_time_needs_a_zone_to_be_written_in():
    with pytest.raises(ValueError, match="tz"):
        written(("s", None, [], [[datetime(2026, 12, 3, tzinfo=UTC)]]), tz=None)


def test_rows_come_in_as_many_calls_as_the_export_makes():
    out = io.BytesIO()
    with XlsxWriter(out) as book:
        book.add_sheet("工单", title="标题", headers=["编号", "数"])
        assert book.write_rows([f"E{i:05d}", i] for i in range(5000)) == 5000
        assert book.write_rows([["E05000", 5000]]) == 1
    got = load_workbook(io.BytesIO(out.getvalue())).active
    assert got.max_row == 5003 and got["A5003"].value == "E05000" and got["B5003"].value == 5000


def test_spaces_at_either_end_are_marked_for_excel_to_keep():
    """Excel trims the spaces around a text unless its element says xml:space="preserve"
    (openpyxl's reader keeps them either way, so the file itself is read here)."""
    data = written(("s", "t", ["h"], [["  前空格"], ["后空格 "], ["\u3000全角"], ["中 间"]]))
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    space = "{http://www.w3.org/XML/1998/namespace}space"
    texts = {
        t.text: t.get(space) for t in ElementTree.fromstring(sheet).iter() if t.tag.endswith("}t")
    }
    assert [texts[v] for v in ("  前空格", "后空格 ", "\u3000全角", "中 间")] == [
        "preserve",
        "preserve",
        "preserve",
        None,
    ]


def test_a_text_longer_than_a_cell_holds_is_cut_so_that_excel_opens_the_file():
    long, emoji = "长" * 40000, "😀" * 20000  # Excel counts an emoji as two characters
    got = cells(written(("s", "t", ["h"], [[long, emoji, "长" * 32767]])))
    assert got[2][0].value == "长" * 32766 + "…"
    assert got[2][1].value == "😀" * 16383 + "…"
    assert got[2][2].value == "长" * 32767  # exactly as much as a cell holds: kept

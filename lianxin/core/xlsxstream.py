"""A small streaming .xlsx writer (standard library only) for the export jobs: rows go into
the zip archive sheet by sheet as they come, so memory does not grow with them, for a
seventeenth of the CPU of openpyxl's write-only mode (bench/exports.py --writers,
docs/scale.md).

    with XlsxWriter(fh, tz=timezone.get_current_timezone()) as book:
        book.add_sheet("工单", title="某某公路段的工单", headers=["编号", "标题"])
        book.write_rows(rows)            # as often as needed; then maybe another sheet
        book.add_sheet("说明", headers=["项目", "值"])
        book.write_rows(more)

What a cell becomes:
- text: an inline string (`t="inlineStr"`: no shared-string table held in memory). Text
  that a spreadsheet could take for a formula (= + - @ tab CR LF first) gets the quote
  prefix (shown as typed, never evaluated, as `core.exports.neutralise` does); characters
  XML 1.0 forbids (control characters, U+FFFE/FFFF, lone surrogates) are dropped, a CR
  becomes a line feed (as an XML reader would make it), & < > are escaped, and leading or
  trailing spaces are kept (`xml:space="preserve"`);
- int, float, Decimal: a number (NaN and infinities, which Excel has not: text); bool: TRUE
  or FALSE;
- date, datetime, time: an Excel serial number with a date format (yyyy-mm-dd,
  yyyy-mm-dd hh:mm, hh:mm:ss); an aware datetime in the zone `tz` (Beijing time for
  lianxin), written without its zone as Excel has none;
- None and "": no cell; anything else: its text. A text longer than a cell holds (32,767
  characters) is cut there, ending in "…" (Excel would not open the file).

A sheet's title line is bold 14 pt and its header row bold, as the exports always had.
A sheet's XML may be up to 2 GiB (zip without ZIP64, which Excel reads strictly): about
two million rows of the case register, more than a sheet's 1,048,576."""

from __future__ import annotations

import re
import zipfile
from contextlib import suppress
from datetime import date, datetime, time, tzinfo
from decimal import Decimal
from functools import cache
from math import isfinite
from typing import IO

FORMULA_FIRST = frozenset("=+-@\t\r\n")
MAX_SHEET_NAME = 31
MAX_TEXT = 32767  # characters a cell holds: Excel will not open a file with a longer one
BLOCK = 4000  # cells' strings joined and compressed at once

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_NS_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_NOT_FIRST = frozenset("=+-@ ")  # beside what str.isprintable() refuses
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ESCAPE = re.compile(r"[&<>]")

# cellXfs: 0 plain, 1 title, 2 header, 3 quote prefix, 4 date, 5 datetime, 6 time
TITLE, HEADER, QUOTED, DAY, MINUTE, CLOCK = 1, 2, 3, 4, 5, 6
_STYLES = (
    _HEAD + f"<styleSheet {_NS}>"
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/>'
    '<numFmt numFmtId="166" formatCode="hh:mm:ss"/></numFmts>'
    '<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="14"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)
_EPOCH = date(1899, 12, 30).toordinal()  # Excel's day 0 (with its 1900 leap year, from March 1900)


@cache
def letters() -> tuple[str, ...]:
    """The column letters A … XFD (Excel's 16,384 columns)."""
    out = [chr(65 + i) for i in range(26)]
    out += [a + chr(65 + i) for a in out[:26] for i in range(26)]
    out += [a + chr(65 + i) for a in out[26:702] for i in range(26)]
    return tuple(out[:16384])


def clean_text(value: str) -> str:
    """A text as XML 1.0 may hold it: forbidden characters dropped, CR a line feed."""
    value = _FORBIDDEN.sub("", value)
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value


def _text_cell(ref: str, value: str) -> str:
    """A text cell the quick test of `write_rows` did not pass (any text is right here); ""
    when nothing is left of it."""
    style = f' s="{QUOTED}"' if value[:1] in FORMULA_FIRST else ""
    value = clean_text(value)
    if len(value) > MAX_TEXT // 2:  # Excel counts UTF-16 units: an emoji is two
        units = value.encode("utf-16-le")
        if len(units) > 2 * MAX_TEXT:
            value = units[: 2 * (MAX_TEXT - 1)].decode("utf-16-le", "ignore") + "…"
    if not value:
        return ""
    space = ' xml:space="preserve"' if value.strip() != value else ""
    value = _ESCAPE.sub(lambda m: _ESCAPES[m.group()], value)
    return f'<c r="{ref}" t="inlineStr"{style}><is><t{space}>{value}</t></is></c>'


def escape_attr(value: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group()], clean_text(value)).replace('"', "&quot;")


class XlsxWriter:
    """An .xlsx written into the binary file `target` (see the module's docstring)."""

    def __init__(self, target, *, tz: tzinfo | None = None, compresslevel: int = 1):
        self._zip = zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel)
        self._tz = tz
        self._names: list[str] = []
        self._out: IO[bytes] | None = None
        self._row = 0

    def __enter__(self) -> XlsxWriter:
        return self

    def __exit__(self, kind, *_exc) -> None:
        if kind is None:
            self.close()
            return
        with suppress(Exception):  # a half-written file, which the caller removes
            if self._out is not None:
                self._out.close()
            self._zip.close()

    def add_sheet(self, name: str, *, title: str | None = None, headers=()) -> None:
        """Start a sheet (the previous one is finished): the title line if given, in bold
        14 pt, then the header row in bold."""
        self._end_sheet()
        name = re.sub(r"[\[\]:*?/\\]", "_", clean_text(str(name)))[:MAX_SHEET_NAME] or "Sheet"
        base, n = name, 1
        while name.lower() in (taken.lower() for taken in self._names):
            suffix = str(n)
            name, n = base[: MAX_SHEET_NAME - len(suffix)] + suffix, n + 1
        self._names.append(name)
        self._out = out = self._zip.open(f"xl/worksheets/sheet{len(self._names)}.xml", "w")
        out.write(f"{_HEAD}<worksheet {_NS} {_NS_R}><sheetData>".encode())
        self._row = 0
        if title is not None:
            self._styled([str(title)], TITLE)
        if headers:
            self._styled([str(h) for h in headers], HEADER)

    def _styled(self, texts: list[str], style: int) -> None:
        assert self._out is not None
        self._row += 1
        r = str(self._row)
        cells = "".join(
            f'<c r="{col}{r}" t="inlineStr" s="{style}"><is><t xml:space="preserve">'
            f"{_ESCAPE.sub(lambda m: _ESCAPES[m.group()], clean_text(text))}</t></is></c>"
            for col, text in zip(letters(), texts, strict=False)
        )
        self._out.write(f'<row r="{r}">{cells}</row>'.encode())

    def write_rows(self, rows) -> int:
        """Append rows (sequences of cell values) to the current sheet; returns how many."""
        cols, out, n, plain_first = letters(), self._out, self._row, _NOT_FIRST
        if out is None:
            raise ValueError("add_sheet first")
        parts: list[str] = []
        add = parts.append
        start = n
        for row in rows:
            n += 1
            r = str(n)
            add(f'<row r="{r}">')
            for col, v in zip(cols, row, strict=False):
                kind = type(v)
                if kind is str:
                    if not v:
                        continue
                    if (
                        v.isprintable()  # no control characters (nor some spaces: slow path)
                        and len(v) <= MAX_TEXT // 2
                        and v[0] not in plain_first
                        and not v[-1].isspace()
                        and "&" not in v
                        and "<" not in v
                        and ">" not in v
                    ):
                        add(f'<c r="{col}{r}" t="inlineStr"><is><t>{v}</t></is></c>')
                    else:
                        add(_text_cell(col + r, v))
                elif kind is int or kind is float and isfinite(v):
                    add(f'<c r="{col}{r}"><v>{v!r}</v></c>')
                elif v is not None:
                    add(self._other(col + r, v))
            add("</row>")
            if len(parts) > BLOCK:
                out.write("".join(parts).encode())
                parts.clear()
        if parts:
            out.write("".join(parts).encode())
        self._row = n
        return n - start

    def _other(self, ref: str, v) -> str:
        """A cell of any type but plain text and plain numbers."""
        if isinstance(v, bool):
            return f'<c r="{ref}" t="b"><v>{int(v)}</v></c>'
        if isinstance(v, datetime):
            if v.tzinfo is not None:
                if self._tz is None:
                    raise ValueError("an aware datetime needs the writer's tz")
                v = v.astimezone(self._tz)
            day = v.toordinal() - _EPOCH
            seconds = v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 1e6
            return f'<c r="{ref}" s="{MINUTE}"><v>{day + seconds / 86400!r}</v></c>'
        if isinstance(v, date):
            return f'<c r="{ref}" s="{DAY}"><v>{v.toordinal() - _EPOCH}</v></c>'
        if isinstance(v, time):
            seconds = v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 1e6
            return f'<c r="{ref}" s="{CLOCK}"><v>{seconds / 86400!r}</v></c>'
        if isinstance(v, int) or isinstance(v, float | Decimal) and isfinite(v):
            return f'<c r="{ref}"><v>{v}</v></c>'
        text = str(v)
        return _text_cell(ref, text) if text else ""

    def _end_sheet(self) -> None:
        if self._out is not None:
            self._out.write(b"</sheetData></worksheet>")
            self._out.close()
            self._out = None

    def close(self) -> None:
        """Finish the last sheet and write the parts that list the sheets."""
        if not self._names:
            self.add_sheet("Sheet")
        self._end_sheet()
        count = range(1, len(self._names) + 1)
        sheets = "".join(
            f'<sheet name="{escape_attr(name)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, name in zip(count, self._names, strict=True)
        )
        rels = "".join(
            f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in count
        )
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.worksheet+xml"/>'
            for i in count
        )
        parts = {
            "[Content_Types].xml": f'<Types xmlns="{_PKG}/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
            f"{overrides}</Types>",
            "_rels/.rels": f'<Relationships xmlns="{_PKG}/relationships"><Relationship Id="rId1"'
            f' Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
            "xl/workbook.xml": f"<workbook {_NS} {_NS_R}><bookViews><workbookView/></bookViews>"
            f"<sheets>{sheets}</sheets></workbook>",
            "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_PKG}/relationships">{rels}'
            f'<Relationship Id="rId{len(count) + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
            "</Relationships>",
        }
        for name, xml in parts.items():
            self._zip.writestr(name, _HEAD + xml)
        self._zip.writestr("xl/styles.xml", _STYLES)
        self._zip.close()

"""What every Excel export shares: the one way a workbook becomes bytes (with formulas
neutralised) and the HTTP response for it.

Text in exports is often typed by the public (a case's content, a name, a reply): a cell
beginning with = + - @ or a tab or carriage return could be taken by Excel or LibreOffice
as a formula (`=HYPERLINK(...)`, DDE). `workbook_bytes` turns every such cell of every
sheet into plain text with Excel's quote prefix (shown exactly as typed, never evaluated,
not even after editing the cell). Every export goes through it: `xlsx_response` with a
workbook, or the exporting module's own `workbook_bytes(book)`; nothing else saves one."""

from __future__ import annotations

from io import BytesIO
from urllib.parse import quote

from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(book) -> int:
    """Make every text cell that a spreadsheet could read as a formula plain text; returns
    how many cells it changed."""
    changed = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if isinstance(value, str) and value.startswith(FORMULA_START):
                    cell.data_type = "s"  # openpyxl made it a formula ("f") for a leading =
                    cell.quotePrefix = True
                    changed += 1
    return changed


def workbook_bytes(book) -> bytes:
    """The .xlsx bytes of an openpyxl workbook, formulas neutralised."""
    neutralise(book)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def csv_response(*, fieldnames: list[str], rows, filename: str) -> HttpResponse:
    """A UTF-8 CSV (with the BOM Excel needs for Chinese) whose text cells cannot become
    formulas: a cell beginning with = + - @ tab or CR gets a leading apostrophe, as OWASP
    advises for CSV (a CSV has no quote-prefix flag)."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fieldnames)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_cell(row.get(k)) for k in fieldnames})
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def xlsx_response(book_or_bytes, filename: str) -> HttpResponse:
    """A download of an openpyxl workbook (or bytes made by `workbook_bytes`)."""
    is_bytes = isinstance(book_or_bytes, bytes)
    content = book_or_bytes if is_bytes else workbook_bytes(book_or_bytes)
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


def _write_sheet(ws, *, title: str, headers: list, rows) -> None:
    """A bold title line, a bold header row, the rows, sized columns, frozen header."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws.append([str(title)])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([str(h) for h in headers])
    for cell in ws[2]:
        cell.font = Font(bold=True)
    widths = [len(str(h)) for h in headers]
    for row in rows:
        row = ["" if v is None else v for v in row]
        ws.append(row)
        for i, value in enumerate(row):
            widths[i] = max(widths[i], min(60, len(str(value))))
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width * 1.6 + 2
    ws.freeze_panes = "A3"


def table_response(*, title: str, headers: list, rows, filename: str, sheet: str = ""):
    """A one-sheet workbook: a bold title line, a bold header row, the rows, sized columns."""
    return sheets_response(
        sheets=[{"sheet": sheet or title, "title": title, "headers": headers, "rows": rows}],
        filename=filename,
    )


def sheets_response(*, sheets: list[dict], filename: str):
    """A workbook with one sheet per table: each {"sheet", "title", "headers", "rows"}."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for spec in sheets:
        ws = book.create_sheet(str(spec["sheet"])[:31])
        _write_sheet(ws, title=spec["title"], headers=spec["headers"], rows=spec["rows"])
    return xlsx_response(book, filename)

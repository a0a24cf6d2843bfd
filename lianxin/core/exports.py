"""What every Excel export shares: the HTTP response for a workbook."""

from __future__ import annotations

from io import BytesIO
from urllib.parse import quote

from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(book_or_bytes, filename: str) -> HttpResponse:
    """A download of an openpyxl workbook (or its bytes) named `filename`."""
    if isinstance(book_or_bytes, bytes):
        content = book_or_bytes
    else:
        out = BytesIO()
        book_or_bytes.save(out)
        content = out.getvalue()
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

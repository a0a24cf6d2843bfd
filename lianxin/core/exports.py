"""What every Excel export shares: the one way a workbook becomes bytes (with formulas
neutralised) and the HTTP response for it.

Text in exports is often typed by the public (a case's content, a name, a reply): a cell
beginning with = + - @ or a tab or carriage return could be taken by Excel or LibreOffice
as a formula (`=HYPERLINK(...)`, DDE). `workbook_bytes` turns every such cell of every
sheet into plain text with Excel's quote prefix (shown exactly as typed, never evaluated,
not even after editing the cell). Every export goes through it: `xlsx_response` with a
workbook, or the exporting module's own `workbook_bytes(book)`; nothing else saves one.
The large exports (the background jobs, `stream_table`) are written by `core.xlsxstream`,
which gives such text the same quote prefix as it writes it."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from itertools import islice
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


FORMULA_FIRST = frozenset(FORMULA_START)
CHUNK = 2000  # rows written at once, and how often `progress` is told


def _csv_clean(row) -> list:
    """A row's cells for csv.writer: None empty, formula-like text quoted (as `_csv_cell`)."""
    return [
        ("'" + v if v[:1] in FORMULA_FIRST else v) if type(v) is str else ("" if v is None else v)
        for v in row
    ]


def stream_table(
    target,
    *,
    fmt: str,
    title: str,
    headers: list,
    rows,
    sheet: str = "",
    progress=None,
    more: Sequence[dict] = (),
) -> int:
    """Write a table to the open binary file `target` in chunks of 2,000 rows (an .xlsx by
    `core.xlsxstream`, bold title line and header row, or a UTF-8 CSV with BOM), formulas
    neutralised; memory does not grow with the rows. `progress(n)` is called after every
    chunk. `more` are further small tables ({"sheet", "title", "headers", "rows"}): further
    sheets of the workbook, or further blocks of the CSV after an empty line, each under its
    title. Returns how many rows of the first table were written. Every export, direct or in
    the background, writes here."""
    written = 0
    if fmt == "csv":
        import csv
        import io

        text = io.TextIOWrapper(target, encoding="utf-8-sig", newline="", write_through=False)
        out = csv.writer(text)
        out.writerow([str(h) for h in headers])
        rows = iter(rows)
        while chunk := list(islice(rows, CHUNK)):
            out.writerows([_csv_clean(r) for r in chunk])
            written += len(chunk)
            if progress is not None:
                progress(written)
        for extra in more:
            out.writerow([])
            out.writerow([str(extra["title"])])
            out.writerow([str(h) for h in extra["headers"]])
            out.writerows([_csv_clean(r) for r in extra["rows"]])
        text.flush()
        text.detach()
        return written
    from django.utils import timezone

    from .xlsxstream import XlsxWriter

    with XlsxWriter(target, tz=timezone.get_current_timezone()) as book:
        book.add_sheet(sheet or title, title=str(title), headers=headers)
        rows = iter(rows)
        while chunk := list(islice(rows, CHUNK)):
            written += book.write_rows(chunk)
            if progress is not None:
                progress(written)
        for extra in more:
            book.add_sheet(extra["sheet"], title=str(extra["title"]), headers=extra["headers"])
            book.write_rows(extra["rows"])
    return written

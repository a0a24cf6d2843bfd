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

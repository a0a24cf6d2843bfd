"""装订成册: chosen regulations in one document with a cover, a table of contents and page
numbers, as a print-ready page and as a PDF (WeasyPrint, with the Noto CJK font of the
machine embedded, so the PDF reads the same everywhere)."""

from __future__ import annotations

from urllib.parse import quote

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from lianxin.core import clock
from lianxin.core.audit import record_event

from . import queries


def _context(title, versions, root):
    return {
        "title": title,
        "root": root,
        "today": timezone.localdate(clock.now()),
        "parts": [(v, queries.chapters(v)) for v in versions],
    }


def render_html(title, versions, root, *, pdf: bool = False) -> str:
    return render_to_string("rules/booklet.html", {**_context(title, versions, root), "pdf": pdf})


def render_pdf(title, versions, root) -> bytes:
    from django.contrib.staticfiles import finders
    from weasyprint import CSS, HTML

    # The page links its style sheet (the Content-Security-Policy allows no inline <style>);
    # WeasyPrint gets the same file from disk.
    style = CSS(filename=finders.find("css/booklet.css"))
    return HTML(string=render_html(title, versions, root, pdf=True)).write_pdf(stylesheets=[style])


def html_response(request, *, title, versions, root) -> HttpResponse:
    return HttpResponse(render_html(title, versions, root))


def pdf_response(request, *, title, versions, root) -> HttpResponse:
    data = render_pdf(title, versions, root)
    for v in versions[:1]:
        record_event(actor=request.user, action="rules.booklet_made", obj=v)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(title)}.pdf"
    return response

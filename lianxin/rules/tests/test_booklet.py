"""The booklet: one PDF with cover, contents and page numbers, the Chinese text in an
embedded CJK font, read back by a PDF parser; and the print view."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from lianxin.rules import actions


@pytest.mark.once  # PDF rendering; the database only supplies the clauses
def test_the_pdf_holds_the_clauses_in_an_embedded_cjk_font(rc, login):
    second = actions.regulation_create(
        root=rc.root, code="shouwen", title="首问负责制度", actor=rc.admin
    )
    v = actions.version_draft(
        regulation=second, text="第一条 首位接待的干部为首问责任人。", issued_by=rc.office,
        applies_to=rc.root, actor=rc.admin,
    )  # fmt: skip
    actions.version_enforce(version=v, actor=rc.admin)
    admin = login(rc.admin)
    query = {"regulations": [rc.reg.pk, second.pk], "title": "作风制度汇编"}
    r = admin.get("/workbench/rules/booklet/", {**query, "format": "pdf"})
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(r.content))
    pages = [p.extract_text() for p in pdf.pages]
    text = "".join(pages).replace("\n", "")
    assert "作风制度汇编" in pages[0]
    toc = pages[1].replace(" ", "")
    assert "目录" in toc
    # the contents give each regulation's page, and that page begins with its title
    for title in ("首问负责制度", "干部作风规定"):
        line = next(x for x in toc.splitlines() if x.startswith(title))
        number = int(line.rstrip(".").split(".")[-1])
        assert pages[number - 1].replace(" ", "").startswith(title)
    for clause in rc.v1.clauses.all():
        assert clause.text in text, clause.text
    assert "首位接待的干部为首问责任人。" in text
    for n, page in enumerate(pages[1:], start=2):  # page numbers, none on the cover
        assert page.strip().splitlines()[-1].strip() == str(n)
    assert not pages[0].strip().splitlines()[-1].strip().isdigit()
    fonts = {}
    for page in pdf.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendant = font.get("/DescendantFonts")
            descriptor = (descendant[0].get_object() if descendant else font).get("/FontDescriptor")
            fonts[str(font["/BaseFont"])] = any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    cjk = {name: embedded for name, embedded in fonts.items() if "CJK" in name}
    assert cjk and all(cjk.values())
    html = admin.get("/workbench/rules/booklet/", {**query, "format": "html"}).content.decode()
    # The print-ready page links the same style sheet that the PDF is made with (no inline
    # <style>: the Content-Security-Policy forbids it).
    assert 'href="/static/css/booklet.css"' in html and "<style" not in html
    assert "不得迟到早退" in html
    css = (Path(__file__).resolve().parents[3] / "static/css/booklet.css").read_text()
    assert "counter(page)" in css and "target-counter" in css

"""Templates a person can read: no line over 160 characters, no inline style= or on*=
handler (the Content-Security-Policy refuses them; static/css and static/js hold them), and
no Bootstrap class set on a widget in Python (templates/django/forms/widgets/ sets them), no
line ending in a tag cut after its name, and no page holding its own copy of a component's
markup: pagination ({% pagination page %}) and filter bars ({% filter_bar %}) live in
templates/components/."""

import re
from pathlib import Path

from django.conf import settings

LIMIT = 160
INLINE = re.compile(r"""(?:^|[\s"'])(style|on[a-z]+)\s*=\s*["'{]""", re.IGNORECASE)
BOOTSTRAP_IN_PYTHON = re.compile(r"form-control|form-select|form-check-input")
CUT_TAG = re.compile(r"<[a-z][a-z0-9]*$")
# the marks of a component's markup: a page holding one holds a copy of it
COPIES = {
    "pagination": re.compile(
        r"""class=["'][^"']*\b(?:pagination|page-item|page-link)\b"""
        r"|\b(?:next|previous)_(?:page_number|cursor)\b|[?&](?:amp;)?(?:after|before|page)="
    ),
    "filter bar": re.compile(r"""<form\b[^>]*\bmethod=["']?get""", re.IGNORECASE),
}
# a GET form that is not a filter bar: the booklet's choice of regulations (a PDF to download)
NOT_A_FILTER_BAR = {Path("templates/rules/booklet_form.html")}


def templates() -> list[Path]:
    base = Path(settings.BASE_DIR)
    roots = [base / "templates", *sorted((base / "lianxin").glob("*/templates"))]
    return sorted(p for root in roots for p in root.rglob("*.html"))


def where(path: Path, number: int) -> str:
    return f"{path.relative_to(settings.BASE_DIR)}:{number}"


def test_the_scan_finds_the_templates():
    found = templates()
    assert len(found) > 100
    assert Path(settings.BASE_DIR, "templates", "base.html") in found


def test_no_template_line_is_longer_than_160_characters():
    long = [
        f"{where(path, n)} has {len(line)} characters"
        for path in templates()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if len(line) > LIMIT
    ]
    assert not long, "\n".join(long)


def test_no_template_has_an_inline_style_or_event_handler():
    inline = [
        f"{where(path, n)}: {m.group(1)}="
        for path in templates()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for m in INLINE.finditer(line)
    ]
    assert not inline, "\n".join(inline)


def test_the_guard_catches_what_it_forbids():
    for line in ('<div style="color:red">', "<a href=# onclick='go()'>", '<form onsubmit="x">'):
        assert INLINE.search(line), line
    for line in ('<div data-confirm="ok">', '<p class="stylish">on = off</p>', 'data-onload="x"'):
        assert not INLINE.search(line), line


def test_no_python_sets_a_bootstrap_class_on_a_widget():
    base = Path(settings.BASE_DIR, "lianxin")
    found = [
        where(path, n)
        for path in sorted(base.rglob("*.py"))
        if "tests" not in path.parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if BOOTSTRAP_IN_PYTHON.search(line)
    ]
    assert not found, "\n".join(found)


def test_no_line_ends_in_a_tag_cut_after_its_name():
    cut = [
        where(path, n)
        for path in templates()
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CUT_TAG.search(line)
    ]
    assert not cut, "\n".join(cut)


def copies_of_components(paths) -> list[str]:
    base = Path(settings.BASE_DIR)
    found = []
    for path in paths:
        relative = path.relative_to(base)
        if relative.parts[:2] == ("templates", "components"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for name, mark in COPIES.items():
                if mark.search(line) and not (
                    name == "filter bar" and relative in NOT_A_FILTER_BAR
                ):
                    found.append(f"{where(path, n)} holds a copy of the {name}")
    return found


def test_no_template_holds_its_own_pagination_or_filter_bar():
    found = copies_of_components(templates())
    assert not found, "\n".join(found)


def test_the_copy_guard_catches_a_copy(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    page = tmp_path / "templates" / "cases" / "page.html"
    component = tmp_path / "templates" / "components" / "pagination.html"
    for path in (page, component):
        path.parent.mkdir(parents=True, exist_ok=True)
    component.write_text(
        '<ul class="pagination"><a class="page-link" href="?page=2">', encoding="utf-8"
    )
    page.write_text(
        "{% pagination page %}\n{% filter_bar %}{% endfilter_bar %}\n", encoding="utf-8"
    )
    assert copies_of_components([page, component]) == []
    for copy in (
        '<a href="?{{ params }}&amp;after={{ page.next_cursor }}">',
        '<li class="page-item"><a class="page-link" href="?page={{ page.next_page_number }}">',
        '<form class="d-flex gap-2" method="get"><input name="q">',
        "<form method=GET>",
    ):
        page.write_text(copy, encoding="utf-8")
        assert copies_of_components([page]) == [
            "templates/cases/page.html:1 holds a copy of the "
            + ("filter bar" if "form" in copy else "pagination")
        ], copy

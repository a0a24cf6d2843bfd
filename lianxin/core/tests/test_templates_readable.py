"""Templates a person can read: no line over 160 characters, no inline style= or on*=
handler (the Content-Security-Policy refuses them; static/css and static/js hold them), and
no Bootstrap class set on a widget in Python (templates/django/forms/widgets/ sets them)."""

import re
from pathlib import Path

from django.conf import settings

LIMIT = 160
INLINE = re.compile(r"""(?:^|[\s"'])(style|on[a-z]+)\s*=\s*["'{]""", re.IGNORECASE)
BOOTSTRAP_IN_PYTHON = re.compile(r"form-control|form-select|form-check-input")


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

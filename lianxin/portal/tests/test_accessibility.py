"""WCAG AA on the public frame (templates/base.html, portal/base.html, static/css/lianxin.css):
contrast computed from the stylesheet's colours, a skip link first, the current page marked
in the menu, a focus ring everyone sees, and no button or link that is only an icon without
a name."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
CSS = (ROOT / "static/css/lianxin.css").read_text()
PAGE = "#f6f7f9"  # the body's background
WHITE = "#ffffff"


def var(name: str) -> str:
    return re.search(rf"--{name}:\s*(#[0-9a-fA-F]{{6}})", CSS).group(1)


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_menu_text_on_the_red_bar_reads_at_4_5_to_1():
    red, text = var("lx-red"), var("lx-nav-text")
    assert contrast(text, red) >= 4.5, (text, red, contrast(text, red))
    bar = CSS[CSS.index(".lx-portal-nav, .lx-wb-nav {") :]
    bar = bar[: bar.index("}")]
    for prop in ("--bs-navbar-color", "--bs-navbar-hover-color", "--bs-navbar-active-color"):
        assert f"{prop}: var(--lx-nav-text)" in bar  # Bootstrap's 55 % white is 2.86:1


def test_status_badges_read_at_4_5_to_1():
    badges = re.findall(r"\.lx-status[\w, .-]*\{\s*background:\s*(#[0-9a-fA-F]{6})", CSS)
    assert len(badges) >= 7
    for colour in badges:
        assert contrast(WHITE, colour) >= 4.5, colour


def test_the_focus_ring_shows_on_every_background():
    rule = CSS[CSS.index(":focus-visible {") :]
    rule = rule[: rule.index("}")]
    assert "outline: 3px solid var(--lx-focus-outer) !important" in rule
    assert "box-shadow: 0 0 0 2px var(--lx-focus-inner) !important" in rule
    inner, outer = var("lx-focus-inner"), var("lx-focus-outer")
    assert contrast(inner, outer) >= 3
    for background in (PAGE, WHITE, var("lx-red")):
        assert max(contrast(inner, background), contrast(outer, background)) >= 3, background


@pytest.mark.django_db
def test_the_skip_link_comes_first_and_the_menu_marks_the_current_page(client):
    page = client.get("/track/").content.decode()
    body = page[page.index("<body") :]
    first = re.search(r"<(a|button|input|select|textarea)\b[^>]*>", body[5:]).group(0)
    assert 'href="#main"' in first and "skip-link" in first
    assert "跳到主要内容" in body[: body.index("</a>")]
    assert re.search(r'<main id="main" tabindex="-1"', page)
    current = re.findall(r'<a class="nav-link active" href="([^"]+)" aria-current="(\w+)"', page)
    assert current == [("/track/", "page")]
    board = client.get("/board/post/").content.decode()
    assert re.findall(r'<a class="nav-link active" href="([^"]+)" aria-current="(\w+)"', board) == [
        ("/board/", "true")
    ]


ICON_ONLY = re.compile(
    r"<(button|a)\b([^>]*)>\s*((?:<i\b[^>]*></i>|<span\b[^>]*></span>)\s*)+</\1>"
)


def test_no_button_or_link_is_an_unnamed_icon():
    unnamed = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        for match in ICON_ONLY.finditer(path.read_text()):
            if "aria-label" not in match.group(2):
                unnamed.append(f"{path.relative_to(ROOT)}: {match.group(0)[:80]}")
    assert unnamed == []

"""The Content-Security-Policy: every HTML page carries it (no inline script, no style
attribute, no framing, forms post only here), and no template holds what it would block."""

import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[3] / "templates"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[^>]*\sstyle\s*=", re.I)
STYLE_ELEMENT = re.compile(r"<style[\s>]", re.I)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/submit/", "/track/", "/accounts/login/", "/nowhere/"])
def test_public_pages_carry_the_policy(client, path):
    policy = client.get(path)["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["form-action"] == "'self'"
    assert "unsafe" not in policy


@pytest.mark.django_db
def test_workbench_pages_and_refusals_carry_it_too(cast, login, client):
    assert "Content-Security-Policy" in login(cast.leader).get("/workbench/")
    assert "Content-Security-Policy" in client.post(
        "/submit/", b"", content_type="text/plain", CONTENT_LENGTH=str(10**9)
    )


@pytest.mark.django_db
def test_json_and_files_are_left_alone(client):
    assert "Content-Security-Policy" not in client.get("/healthz")


def test_no_template_holds_inline_script_handlers_or_style_attributes():
    offending = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = path.read_text()
        for name, pattern in (
            ("inline <script>", INLINE_SCRIPT),
            ("on*= handler", HANDLER),
            ("style attribute", STYLE_ATTRIBUTE),
            ("<style> element", STYLE_ELEMENT),
        ):
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                offending.append(f"{path.relative_to(TEMPLATES)}:{line} {name}")
    assert offending == []

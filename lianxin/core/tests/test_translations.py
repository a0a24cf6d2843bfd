"""The Chinese catalog is complete and its compiled .mo (committed, so that no gettext is
needed on the server) matches the .po."""

import gettext
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[3]
ZH = ROOT / "locale" / "zh_Hans" / "LC_MESSAGES"


# Files only.
pytestmark = pytest.mark.once


def test_every_chinese_message_is_translated():
    out = subprocess.run(
        [sys.executable, "tools/i18n.py", "check"], cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout


def test_compiled_catalog_matches_the_po():
    with (ZH / "django.po").open("rb") as fh:
        catalog = read_po(fh, locale="zh_Hans")
    with (ZH / "django.mo").open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)

    def compiled_string(m):
        if isinstance(m.id, (list, tuple)):  # plural: Chinese has one form
            return (compiled.ngettext(m.id[0], m.id[1], 1),)
        if m.context:
            return compiled.pgettext(m.context, m.id)
        return compiled.gettext(m.id)

    def po_string(m):
        return tuple(m.string) if isinstance(m.id, (list, tuple)) else m.string

    stale = [m.id for m in catalog if m.id and compiled_string(m) != po_string(m)]
    assert stale == [], "run `make messages` to recompile"

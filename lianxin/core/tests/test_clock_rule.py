"""The wall clock is read in core/clock.py only. ruff's banned-api rule refuses the direct
reads (listed in pyproject.toml); this guard finds what it cannot see: Django's localdate
and localtime called without a value read the wall clock too."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HIDDEN_NOW = re.compile(r"\btimezone\.local(date|time)\(\s*\)")

pytestmark = pytest.mark.once  # files only


def test_no_module_reads_the_wall_clock_behind_the_clocks_back():
    offenders = [
        f"{path.relative_to(ROOT.parent)}:{n}"
        for path in ROOT.rglob("*.py")
        if path.name != "clock.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if HIDDEN_NOW.search(line)
    ]
    assert offenders == []

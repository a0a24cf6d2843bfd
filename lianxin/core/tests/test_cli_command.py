"""The `lianxin` console command is manage.py under another name."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


# A subprocess on its own data folder: the same whatever the suite's database.
pytestmark = pytest.mark.once


def test_lianxin_lists_the_project_commands(tmp_path):
    script = Path(sys.executable).parent / "lianxin"
    out = subprocess.run(
        [str(script), "help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": str(script.parent), "LIANXIN_DATA_DIR": str(tmp_path)},
    )
    assert out.returncode == 0, out.stderr
    for command in ("demo", "serve", "migrate", "check"):
        assert f"    {command}\n" in out.stdout

"""Django starts, and loads every URL, without scikit-learn, SciPy or jieba: routing imports
them at the first suggestion, so commands, the clock and workers start quickly. (numpy is not
checked: openpyxl imports it when it is installed.)"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.once  # a subprocess on its own data folder

SCRIPT = """
import sys, django
django.setup()
import lianxin.urls  # every view module
heavy = sorted(m for m in ("sklearn", "scipy", "jieba") if m in sys.modules)
print(",".join(heavy) or "none")
"""


def test_starting_django_and_loading_the_urls_imports_no_model_library(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "LIANXIN_DATA_DIR": str(tmp_path),
           "DJANGO_SETTINGS_MODULE": "lianxin.settings"}  # fmt: skip
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120,
        env=env,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "none"

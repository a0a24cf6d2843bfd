"""`lianxin check --deploy` with production settings reports nothing, and the production
static files collect."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


# Subprocesses on their own SQLite data folder: the same whatever the suite's database.
pytestmark = pytest.mark.once


def lianxin_production(data_dir: Path, *args: str, proxies="1") -> subprocess.CompletedProcess:
    """Run `lianxin ARGS` as production would (behind one TLS proxy), on a fresh data folder."""
    env = {
        **os.environ,
        "LIANXIN_ENV": "production",
        "ALLOWED_HOSTS": "lianxin.example.gov.cn",
        "LIANXIN_DATA_DIR": str(data_dir),
        "LIANXIN_TRUSTED_PROXIES": proxies,
    }
    for name in ("DJANGO_SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"):
        env.pop(name, None)
    env.pop("AXES_PROXY_COUNT", None)
    return subprocess.run(
        [sys.executable, "-m", "lianxin.cli", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_production_settings_pass_check_deploy(tmp_path):
    out = lianxin_production(tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "no issues" in out.stdout
    # The generated secret key lives in the data folder, readable by the owner only.
    key = tmp_path / "secret_key"
    assert len(key.read_text().strip()) >= 50
    assert key.stat().st_mode & 0o077 == 0


def test_production_static_files_collect_with_hashed_names(tmp_path):
    out = lianxin_production(tmp_path, "collectstatic", "--noinput")
    assert out.returncode == 0, out.stderr
    manifest = (tmp_path / "staticfiles" / "staticfiles.json").read_text()
    assert "vendor/bootstrap/bootstrap.min.css" in manifest
    assert "vendor/htmx/htmx.min.js" in manifest


def test_production_without_trusted_proxies_is_warned(tmp_path):
    out = lianxin_production(tmp_path, "check", "--deploy", proxies="0")
    assert "lianxin.W010" in out.stdout + out.stderr

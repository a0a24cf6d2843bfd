"""`lianxin serve` logs requests without who sent them (no address, agent or referrer)."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

# A server on its own SQLite data folder: the same whatever the suite's database.
pytestmark = pytest.mark.once


def test_the_access_log_names_no_client(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "LIANXIN_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    manage = Path(__file__).resolve().parents[3] / "manage.py"
    proc = subprocess.Popen(
        [sys.executable, str(manage), "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(600):  # up to a minute: a loaded machine starts Django slowly
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/healthz",
                    headers={"User-Agent": "ReporterPhone/1.0", "Referer": "http://x/report/"},
                )
                urllib.request.urlopen(request, timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
    finally:
        time.sleep(0.3)
        proc.terminate()
        out = proc.communicate(timeout=60)[0].decode()
    line = next(x for x in out.splitlines() if "GET /healthz" in x)
    assert "127.0.0.1" not in line and "ReporterPhone" not in line and "report" not in line

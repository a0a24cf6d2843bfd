"""A database dump alone reveals no reporter: after named reports are written, accepted and
messaged, the raw SQLite file (with its write-ahead log) or a pg_dump holds neither the
reporters' names nor their phone numbers (in UTF-8, or as JSON escapes)."""

import json
import shutil
import subprocess

import pytest
from django.db import connection

from lianxin.discipline import actions
from lianxin.discipline.tests.conftest import submit

REPORTERS = [("欧阳举报人", "13987654321"), ("司马监督", "13700001111")]


def _needles() -> list[bytes]:
    out = []
    for name, phone in REPORTERS:
        out += [name.encode(), phone.encode(), json.dumps(name).strip('"').encode()]
        out.append(name.encode("utf-16-le"))
    return out


def _dump() -> bytes:
    if connection.vendor == "sqlite":
        path = connection.settings_dict["NAME"]
        connection.close()
        data = b""
        for suffix in ("", "-wal", "-journal"):
            try:
                with open(f"{path}{suffix}", "rb") as fh:
                    data += fh.read()
            except FileNotFoundError:
                pass
        return data
    s = connection.settings_dict
    if not shutil.which("pg_dump"):
        pytest.fail("pg_dump is needed for this test on PostgreSQL")
    return subprocess.run(
        ["pg_dump", "-h", s["HOST"] or "127.0.0.1", "-p", str(s["PORT"] or 5432),
         "-U", s["USER"] or "postgres", "--data-only", s["NAME"]],
        check=True, capture_output=True,
    ).stdout  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_no_reporter_name_or_phone_in_the_database(dc):
    for name, phone in REPORTERS:
        report, _receipt = submit(dc, name=name, phone=phone)
        actions.report_accept(report=report, actor=dc.inspector)
        actions.reporter_message(report=report, text="补充材料已上传。")
        actions.reporter_reveal(report=report, actor=dc.inspector)
    dump = _dump()
    assert b"JB" in dump and "上班时间在治超点玩手机".encode() in dump  # the dump is real
    for needle in _needles():
        assert needle not in dump, needle

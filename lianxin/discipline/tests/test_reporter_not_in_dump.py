"""A database dump alone reveals no reporter: after named reports are written, accepted and
messaged, the raw SQLite file (with its write-ahead log) or a pg_dump holds neither the
reporters' names nor their phone numbers (in UTF-8, or as JSON escapes)."""

import json

import pytest

from lianxin.discipline import actions
from lianxin.discipline.tests.conftest import dump_database, submit

REPORTERS = [("欧阳举报人", "13987654321"), ("司马监督", "13700001111")]


def _needles() -> list[bytes]:
    out = []
    for name, phone in REPORTERS:
        out += [name.encode(), phone.encode(), json.dumps(name).strip('"').encode()]
        out.append(name.encode("utf-16-le"))
    return out


@pytest.mark.django_db(transaction=True)
def test_no_reporter_name_or_phone_in_the_database(dc):
    for name, phone in REPORTERS:
        report, _receipt = submit(dc, name=name, phone=phone)
        actions.report_accept(report=report, actor=dc.inspector)
        actions.reporter_message(report=report, text="补充材料已上传。")
        actions.reporter_reveal(report=report, actor=dc.inspector)
    dump = dump_database()
    assert b"JB" in dump and "上班时间在治超点玩手机".encode() in dump  # the dump is real
    for needle in _needles():
        assert needle not in dump, needle

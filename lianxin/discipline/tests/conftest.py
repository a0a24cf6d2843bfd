"""The discipline cast on top of the rules cast (rc):

dc.office_unit     纪检室 (the discipline office) under the organ
dc.inspector       纪检员 (inspector on the office)
dc.head            纪检室主任 (leader of the office and inspector)
dc.conflicted      an inspector who also leads station A (never sees reports on station A)
dc.leader          the organ's leader (gets reports about the office's people)
dc.secretary       the organ's party secretary (gets them when the leader cannot, or is late)
"""

import os
import shutil
import subprocess
from types import SimpleNamespace

import pytest
from django.db import connection

from conftest import make_person
from lianxin.core.actor import Actor
from lianxin.discipline.models import DisciplineOffice
from lianxin.org import actions as org_actions
from lianxin.org.models import Role
from lianxin.rules.tests.conftest import rc  # noqa: F401 (shared fixture)


@pytest.fixture
def dc(rc):  # noqa: F811
    unit = org_actions.unit_create(
        name="纪检室", kind="office", parent=rc.root, code="t-disc", actor=Actor.system()
    )
    DisciplineOffice.objects.create(root=rc.root, unit=unit)
    inspector = make_person("inspector", "马纪检", unit, roles=[(Role.INSPECTOR, unit)])
    head = make_person("dhead", "周主任", unit, roles=[(Role.LEADER, unit), (Role.INSPECTOR, unit)])
    conflicted = make_person(
        "dual", "钱兼职", rc.station_a,
        roles=[(Role.INSPECTOR, unit), (Role.LEADER, rc.station_a)],
    )  # fmt: skip
    secretary = make_person("osecretary", "李书记", rc.root, roles=[(Role.SECRETARY, rc.root)])
    ns = SimpleNamespace(**vars(rc))
    ns.secretary = secretary.user
    ns.office_unit = unit
    ns.inspector, ns.head, ns.conflicted = inspector.user, head.user, conflicted.user
    ns.people.inspector, ns.people.head = inspector, head
    return ns


def submit(dc, **kw):
    """An anonymous report about station A's handler (杨承办), citing 第三条第二款."""
    from lianxin.discipline import actions

    args = dict(
        root=dc.root,
        accused_unit=dc.station_a,
        accused_text="杨承办",
        what="上班时间在治超点玩手机，群众咨询不理睬。",
        when_text="上周三下午",
        where="甲站治超点",
        clause="zuofeng/3/2",
    )
    args.update(kw)
    return actions.report_submit(**args)


def dump_database() -> bytes:
    """The raw database: the SQLite file with its write-ahead log, or a pg_dump."""
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
        check=True, capture_output=True, env={**os.environ, "PGTZ": "UTC"},
    ).stdout  # fmt: skip

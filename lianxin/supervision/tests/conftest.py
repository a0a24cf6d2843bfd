"""The supervision cast: the cases cast (cc) plus an inspection of station A by the
supervisor, and helpers that walk a finding to a planned or reported rectification."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from lianxin.cases.tests import conftest as cases_conftest
from lianxin.core import clock, files, samples
from lianxin.supervision import actions

cc = cases_conftest.cc  # the cases cast, as a fixture of this folder too
_module_cc = cases_conftest._module_cc
make_case = cases_conftest.make_case


def evidence(name="after.png"):
    return files.accept([(name, samples.png())])


@pytest.fixture
def inspection(cc):
    today = timezone.localdate(clock.now())
    return actions.inspection_plan(
        root=cc.root,
        subject="冬季道路养护作业暗访",
        method="covert",
        units=[cc.station_a],
        team=[cc.people.supervisor],
        starts_on=today,
        ends_on=today + timedelta(days=2),
        actor=cc.supervisor,
    )


@pytest.fixture
def finding(cc, inspection):
    return actions.finding_record(
        inspection=inspection,
        unit=cc.station_a,
        text="K12+300处坑槽修补后未清扫，碎石散落路面",
        place="G318 K12+300",
        category=cc.road,
        actor=cc.supervisor,
    )


@pytest.fixture
def planned(cc, finding):
    return actions.rectification_plan(
        case=finding.case,
        leader=cc.people.station_leader,
        person=cc.people.handler,
        measures="当日清扫路面，规范作业收尾检查",
        workdays=5,
        actor=cc.station_leader,
    )


@pytest.fixture
def reported(cc, planned):
    actions.rectification_report(
        rectification=planned,
        text="已清扫完毕，并建立收尾检查表",
        final=True,
        files=evidence(),
        actor=cc.handler,
    )
    planned.refresh_from_db()
    return planned

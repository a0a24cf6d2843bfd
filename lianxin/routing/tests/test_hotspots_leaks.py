"""The hotspots page shows no case its reader could not open: a complaint transferred to the
discipline office (转纪检) is not listed to the organ's leaders; a month out of the calendar
is the current month, never a stack trace."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.discipline.models import DisciplineOffice
from lianxin.org import actions as org_actions
from lianxin.supervision import actions as supervision_actions

from .test_month_problem_make import MID_NOVEMBER, cluster  # noqa: F401

pytestmark = pytest.mark.django_db
PAGE = reverse("workbench:routing_hotspots")


def test_a_transferred_complaint_is_not_listed_to_the_organ_leader(cluster, register, login):  # noqa: F811
    disc = org_actions.unit_create(
        name="纪检室", kind="office", parent=register.root, code="t-disc", actor=Actor.system()
    )
    DisciplineOffice.objects.create(root=register.root, unit=disc)
    transferred = cluster[1]
    with clock.frozen_at(MID_NOVEMBER):
        supervision_actions.complaint_transfer(
            case=transferred, accused_unit=register.station_a, actor=register.dispatcher
        )
        client = login(register.leader)
        assert client.get(f"/workbench/cases/{transferred.code}/").status_code == 404
        html = client.get(PAGE + "?month=2026-11").content.decode()
    assert cluster[0].code in html
    assert transferred.code not in html


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "99999999999999999999-1"])
def test_a_month_out_of_the_calendar_is_no_error(register, login, month):
    client = login(register.leader)
    assert client.get(PAGE, {"month": month}).status_code == 200
    made = client.post(
        reverse("workbench:routing_hotspot_problem"),
        {"month": month, "category": register.road.pk, "place": "G205 K12"},
    )
    assert made.status_code in (302, 400)

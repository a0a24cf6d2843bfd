"""A month of diaries exported in the background: the cadres the user reads (and the
page's cadre filter), the needs with their cases, the cadence sheet; the file for its asker
only."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from conftest import sheet_rows
from lianxin.core import clock
from lianxin.liaison import actions

pytestmark = pytest.mark.any_hour

URL = "/workbench/liaison/2026-11.xlsx"


def test_the_months_diaries_as_a_job(lx, login, export_job):
    with clock.frozen_at(timezone.make_aware(datetime(2026, 11, 20, 10))):
        visit = actions.visit_record(
            place=lx.village, kind="visit", day=date(2026, 11, 3), met="张三", said="路面有坑",
            needs=["补坑", "加装路灯"], actor=lx.handler,
        )  # fmt: skip
        case = actions.need_to_case(
            need=visit.needs.order_by("pk").first(), category=lx.category, actor=lx.handler
        )
        actions.visit_record(
            place=lx.village, kind="visit", day=date(2026, 11, 20), met="村民", said="满意",
            actor=lx.station_leader,
        )  # fmt: skip
        client = login(lx.station_leader)
        job, data = export_job(client, URL)
        diaries, cadence = sheet_rows(data, "民情日记"), sheet_rows(data, "联系点")
        assert job.rows == 2 and [r[1] for r in diaries[2:]] == ["吴站长", "杨承办"]
        assert diaries[3][2] == "甲村" and diaries[3][5] == "路面有坑"
        needs = diaries[3][6]
        assert needs.startswith(f"补坑（{case.code} ") and needs.endswith("）；加装路灯")
        assert cadence[2] == ["吴站长", "甲村", 1, 1, "已按期走访"]
        job, data = export_job(client, URL + f"?person={lx.people.handler.pk}", fmt="csv")
        text = data.decode("utf-8-sig")
        assert job.rows == 1 and "杨承办" in text and "满意" not in text
        other = login(lx.handler_b)
        assert other.get(f"/workbench/exports/{job.pk}/download/").status_code == 404
        theirs, data = export_job(other, URL)
        assert theirs.rows == 0 and "路面有坑" not in str(sheet_rows(data))
        assert login(lx.nobody).post(URL, {"fmt": "xlsx"}).status_code == 403

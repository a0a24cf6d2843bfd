"""The cadence page names each state as contact work does: 待走访 while visits are still to be
made this month, 已按期走访 when done, 未按期走访 once the month is over (never 截止时间)."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from lianxin.core import clock
from lianxin.liaison import actions

MID_MONTH = timezone.make_aware(datetime(2026, 11, 10, 10))


def badge(html: str) -> str:
    start = html.index('<span class="badge', html.index("<tbody>"))
    return html[html.index(">", start) + 1 : html.index("</span>", start)]


def test_due_done_and_missed_read_as_contact_work(lx, login):
    client = login(lx.station_leader)
    with clock.frozen_at(MID_MONTH):
        html = client.get("/workbench/liaison/cadence/").content.decode()
    assert badge(html) == "待走访"
    assert "截止时间" not in html
    with clock.frozen_at(timezone.make_aware(datetime(2026, 12, 2, 10))):
        missed = client.get("/workbench/liaison/cadence/", {"month": "2026-11"}).content.decode()
    assert badge(missed) == "未按期走访"
    with clock.frozen_at(MID_MONTH):
        actions.visit_record(
            place=lx.village,
            kind="visit",
            day=date(2026, 11, 9),
            met="村民代表",
            said="路面坑洼。",
            actor=lx.station_leader,
        )
        done = client.get("/workbench/liaison/cadence/").content.decode()
    assert badge(done) == "已按期走访"


def test_the_page_takes_as_many_queries_for_3_contact_points_as_for_15(lx, login):
    from conftest import count_queries, make_person
    from lianxin.org.models import Role

    def assign(start, n):
        for i in range(start, start + n):
            handler = [(Role.HANDLER, lx.station_a)]
            cadre = make_person(f"cadre{i}", f"联系干部{i}", lx.station_a, roles=handler)
            place = actions.place_save(
                unit=lx.station_a, name=f"联系村{i}", kind="village", actor=lx.admin
            )
            actions.contact_point_assign(person=cadre, place=place, actor=lx.admin)
            if i % 2:
                actions.visit_record(
                    place=place, kind="visit", day=date(2026, 11, 9), met="村民代表",
                    said="路面坑洼。", actor=cadre.user,
                )  # fmt: skip

    client = login(lx.station_leader)
    with clock.frozen_at(MID_MONTH):
        assign(0, 2)  # and the station leader's own point
        page, few = count_queries(client, "/workbench/liaison/cadence/")
        assert "联系干部1" in page.text
        assign(2, 12)
        page, many = count_queries(client, "/workbench/liaison/cadence/")
    assert "联系干部13" in page.text
    assert many == few

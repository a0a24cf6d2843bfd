"""/api/v1/partywork/units/{unit}/reports/{month}: the secretary writes and submits the monthly
report, the office sends it back with a comment, all through the API; every field error at
once with nothing written; outsiders 404."""

from datetime import datetime

from django.utils import timezone

from lianxin.api.tests.client import bearer, fields, send
from lianxin.core import clock
from lianxin.partywork.models import MonthlyReport

NOV = timezone.make_aware(datetime(2026, 11, 28, 10, 0))
PARTS = {
    "thinking": "职工思想稳定，冬季养护任务重。",
    "activities": "开展主题党日一次，学习党章。",
    "problems": "夜间值守人手紧张，学习难保证。",
    "next_steps": "调整值班安排，组织集中学习。",
}


def test_written_submitted_and_sent_back_by_the_office(pw):
    url = f"/api/v1/partywork/units/{pw.station_a.pk}/reports/2026-11"
    with clock.frozen_at(NOV):
        r = send(bearer(pw.sec_a), "put", url, {**PARTS, "submit": True})
        assert r.status_code == 200, r.content
        assert r.json()["state"] == "submitted"
        office = bearer(pw.officer)
        r = send(office, "post", f"{url}/review", {"accept": False})
        assert r.status_code == 400  # sending back needs a comment
        r = send(office, "post", f"{url}/review", {"accept": False, "comment": "请补充问题"})
        assert r.status_code == 200, r.content
    got = bearer(pw.sec_a).get(url).json()
    assert got["state"] == "returned" and "请补充问题" in got["comment"]
    assert got["activities"] == PARTS["activities"]


def test_every_field_error_at_once_and_nothing_written(pw):
    url = f"/api/v1/partywork/units/{pw.station_a.pk}/reports/2026-11"
    with clock.frozen_at(NOV):
        body = {"thinking": "长" * 2001, "problems": 7, "submit": "maybe"}
        r = send(bearer(pw.sec_a), "put", url, body)
    assert r.status_code == 422 and fields(r) == {"thinking", "problems", "submit"}
    assert not MonthlyReport.objects.exists()


def test_outsiders_and_another_station_get_404(pw):
    url = f"/api/v1/partywork/units/{pw.station_a.pk}/reports/2026-11"
    with clock.frozen_at(NOV):
        for user in (pw.outsider, pw.sec_b):
            assert send(bearer(user), "put", url, PARTS).status_code == 404
        send(bearer(pw.sec_a), "put", url, {**PARTS, "submit": True})
        r = send(bearer(pw.outsider), "post", f"{url}/review", {"accept": True})
        assert r.status_code == 404
    assert MonthlyReport.objects.get().state == "submitted"

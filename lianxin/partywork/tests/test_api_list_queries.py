"""The party-work API's lists take as many queries for many rows as for few: a station's
study sessions with who came, and the guidance a station reads."""

from datetime import datetime, timedelta

from django.utils import timezone

from conftest import count_queries
from lianxin.api.tests.client import bearer
from lianxin.partywork import actions


def held(pw, start: int, n: int) -> None:
    first = timezone.make_aware(datetime(2026, 11, 2, 15))
    present = {p.pk: ("present", "") for p in (pw.people.sec_a, pw.people.handler)}
    for i in range(start, start + n):
        session = actions.session_plan(
            unit=pw.station_a,
            topic=f"专题学习{i}",
            starts_at=first + timedelta(days=i),
            actor=pw.sec_a,
        )
        actions.session_record(session=session, attendance=present, summary="交流", actor=pw.sec_a)


def issued(pw, start: int, n: int) -> None:
    for i in range(start, start + n):
        actions.guidance_issue(
            root=pw.root,
            title=f"主题党日通知{i}",
            body="请按时开展。",
            units=[pw.station_a, pw.station_b],
            actor=pw.officer,
        )


def test_study_sessions_with_attendance_2_or_8(pw):
    client = bearer(pw.station_leader)
    url = f"/api/v1/partywork/units/{pw.station_a.pk}/sessions"
    held(pw, 0, 2)
    client.get(url)  # the token's first use is written down once
    r, few = count_queries(client, url)
    assert [len(s["attendance"]) for s in r.json()] == [2, 2]
    held(pw, 2, 6)
    r, many = count_queries(client, url)
    assert r.json()[0]["topic"] == "专题学习7"
    assert {a["name"] for a in r.json()[0]["attendance"]} == {"黄书记", "杨承办"}
    assert many == few


def test_guidance_2_or_8(pw):
    client = bearer(pw.sec_a)  # reads what was sent to his station
    issued(pw, 0, 2)
    client.get("/api/v1/partywork/guidance")
    r, few = count_queries(client, "/api/v1/partywork/guidance")
    assert len(r.json()) == 2
    issued(pw, 2, 6)
    r, many = count_queries(client, "/api/v1/partywork/guidance")
    assert len(r.json()) == 8 and r.json()[0]["sent"] == 2
    assert many == few

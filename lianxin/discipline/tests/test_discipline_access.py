"""discipline/access.py as the single gate: every discipline page and API endpoint answers
404 (never 403) to everyone but the handlers, and the handlers never include the person
reported or the leaders of his unit, whatever roles they hold."""

import pytest
from django.test import Client

from conftest import make_person
from lianxin.core import files, samples
from lianxin.discipline import actions
from lianxin.discipline.tests.conftest import submit
from lianxin.org.models import Role


@pytest.fixture
def world(dc):
    report, _r = submit(dc, files=files.accept([("现场.png", samples.png())]))
    penalty = actions.penalty_record(
        root=dc.root, person=dc.people.handler, kind="admin", measure="admin_warning",
        category="formalism", decided_on=report.received_at.date(), document_no="测纪〔2026〕1号",
        reason="上班玩手机", report_number=report.number, actor=dc.inspector,
        documents=files.accept([("决定.pdf", samples.pdf())]),
    )  # fmt: skip
    # the person reported is also an inspector: still never sees it
    make_person("handler_insp", "杨兼纪检", dc.station_a, roles=[(Role.INSPECTOR, dc.office_unit)])
    return report, penalty


def urls(report, penalty):
    evidence = report.evidence.get()
    return [
        ("get", f"/workbench/discipline/reports/{report.pk}/"),
        ("get", f"/workbench/discipline/reports/{report.pk}/files/{evidence.pk}/"),
        ("post", f"/workbench/discipline/reports/{report.pk}/accept/"),
        ("post", f"/workbench/discipline/reports/{report.pk}/message/"),
        ("post", f"/workbench/discipline/reports/{report.pk}/reporter/"),
        ("get", f"/workbench/discipline/penalties/{penalty.pk}/document/"),
        ("get", f"/api/v1/discipline/reports/{report.pk}"),
        ("post", f"/api/v1/discipline/reports/{report.pk}/accept"),
    ]


LISTS = ["/workbench/discipline/penalties/", "/workbench/discipline/notices/",
         "/api/v1/discipline/penalties"]  # fmt: skip


def test_every_url_is_404_to_everyone_but_the_handlers(dc, world, login):
    report, penalty = world
    refused = [
        dc.handler, dc.station_leader, dc.handler_b, dc.leader, dc.admin, dc.outsider,
        dc.conflicted,
    ]  # fmt: skip
    for user in refused:
        client = login(user)
        for method, url in urls(report, penalty):
            r = (
                getattr(client, method)(url, {"version": 1}, content_type="application/json")
                if url.startswith("/api/") and method == "post"
                else getattr(client, method)(url)
            )
            assert r.status_code == 404, (user.username, url, r.status_code)
        listing = client.get("/workbench/discipline/")
        assert listing.status_code == 404 or report.number not in listing.content.decode()
        api_list = client.get("/api/v1/discipline/reports")
        assert report.number not in api_list.content.decode()
    for user in (dc.handler, dc.station_leader, dc.outsider, dc.admin):
        for url in LISTS:
            assert login(user).get(url).status_code == 404, (user.username, url)
    anonymous = Client()
    for method, url in urls(report, penalty):
        assert getattr(anonymous, method)(url).status_code in (302, 401, 404)
    inspector = login(dc.inspector)
    for method, url in urls(report, penalty):
        if method == "get":
            assert inspector.get(url).status_code == 200, url
    assert report.number in inspector.get("/workbench/discipline/").content.decode()
    assert report.number in inspector.get("/api/v1/discipline/reports").content.decode()
    for url in LISTS:
        assert inspector.get(url).status_code == 200, url


def test_the_person_reported_never_sees_it_even_as_an_inspector(dc, world, login):
    from django.contrib.auth import get_user_model

    accused = get_user_model().objects.get(username="handler_insp")
    report, _r = submit(dc, accused_text="", accused_person=accused.person,
                        files=files.accept([("现场.png", samples.png())]))  # fmt: skip
    client = login(accused)
    for method, url in urls(report, world[1]):
        if "penalties" in url:
            continue  # the penalty is 杨承办's, not his: an inspector may read it
        r = (
            getattr(client, method)(url, {"version": 1}, content_type="application/json")
            if url.startswith("/api/") and method == "post"
            else getattr(client, method)(url)
        )
        assert r.status_code == 404, url
    assert report.number not in client.get("/workbench/discipline/").content.decode()
    assert report.number not in client.get("/api/v1/discipline/reports").content.decode()
    # he holds a role on the discipline office: the whole office stands aside
    assert login(dc.inspector).get(f"/workbench/discipline/reports/{report.pk}/").status_code == 404
    assert login(dc.leader).get(f"/workbench/discipline/reports/{report.pk}/").status_code == 200


def test_the_leader_of_the_unit_reported_never_learns_of_it(dc, world, login):
    report, _penalty = world
    # 钱兼职 is an inspector but leads station A, the unit reported
    client = login(dc.conflicted)
    assert client.get("/workbench/discipline/").status_code == 200
    assert report.number not in client.get("/workbench/discipline/").content.decode()
    assert client.get(f"/workbench/discipline/reports/{report.pk}/").status_code == 404


def test_a_report_about_the_office_head_is_seen_by_the_organ_leader_only(dc, login):
    report, _r = submit(dc, accused_unit=dc.office_unit, accused_text="周主任")
    url = f"/workbench/discipline/reports/{report.pk}/"
    assert login(dc.head).get(url).status_code == 404
    assert login(dc.inspector).get(url).status_code == 404
    assert login(dc.leader).get(url).status_code == 200
    assert report.number in login(dc.leader).get("/workbench/discipline/").content.decode()

"""The register export: asked for on the queue, written in the background, a progress page,
and a download for the person who asked only."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from lianxin.core import clock
from lianxin.core.models import ExportJob

from .conftest import receive

pytestmark = pytest.mark.any_hour

URL = "/workbench/cases/export.xlsx"


@pytest.fixture
def export(django_capture_on_commit_callbacks):
    """Ask for an export and open its page (the task runs inline once the request commits)."""

    def run(client, params="", fmt="xlsx"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(URL + params, {"fmt": fmt})
        return _page(client, response)

    return run


def _page(client, response):
    assert response.status_code == 302, response
    page = client.get(response["Location"])
    assert page.status_code == 200
    job = page.context["job"]
    return job, page


def test_the_export_runs_as_a_job_and_its_file_has_masked_phones(cc, make_case, login, export):
    case = make_case("replied")
    case.title = '=HYPERLINK("http://evil","x")'
    case.save(update_fields=["title"])
    client = login(cc.dispatcher)
    job, page = export(client)
    assert job.state == "done" and job.rows == 1 and 'data-width="100"' in page.content.decode()
    download = client.get(f"/workbench/exports/{job.pk}/download/")
    assert download.status_code == 200
    sheet = load_workbook(BytesIO(b"".join(download.streaming_content))).active
    rows = [[c for c in r] for r in sheet.iter_rows(min_row=3)]
    assert rows[0][0].value == case.code and rows[0][7].value == "138****5678"
    assert rows[0][8].value == "已答复"
    assert rows[0][5].data_type == "s" and rows[0][5].quotePrefix  # not a formula


def test_csv_and_the_queue_filters(cc, make_case, login, export):
    make_case("in_progress")
    client = login(cc.dispatcher)
    job, _page = export(client, "?unit=999999", fmt="csv")
    assert job.state == "done" and job.rows == 0
    download = client.get(f"/workbench/exports/{job.pk}/download/")
    text = b"".join(download.streaming_content).decode("utf-8-sig")
    assert text.startswith("工单编号,") and "青山路" not in text


def test_only_the_person_who_asked_may_see_or_download_it(cc, make_case, login, export):
    make_case("replied")
    job, _page = export(login(cc.dispatcher))
    other = login(cc.supervisor)
    assert other.get(f"/workbench/exports/{job.pk}/").status_code == 404
    assert other.get(f"/workbench/exports/{job.pk}/download/").status_code == 404
    assert login(cc.nobody).post(URL, {"fmt": "xlsx"}).status_code == 403


def test_the_clock_removes_an_expired_file(cc, make_case, login, export):
    make_case("replied")
    client = login(cc.dispatcher)
    job, _page = export(client)
    clock.sweep(at=job.expires_at)
    job.refresh_from_db()
    assert job.state == ExportJob.State.EXPIRED
    assert client.get(f"/workbench/exports/{job.pk}/download/").status_code == 404


def test_text_typed_by_the_public_is_exported_as_text_never_as_a_formula(cc, login, export):
    evil = {
        "content": '=HYPERLINK("http://evil.example/x","点击查看")',
        "title": "+1+cmd|' /C calc'!A0",
        "place": "@SUM(1+1)*cmd|' /C calc'!A0",
        "citizen_name": "-2+3",
    }
    receive(cc, **evil)
    receive(cc, content="\t=1+1 制表符开头", title="\r=1+1 回车开头")
    client = login(cc.dispatcher)
    job, _page = export(client)
    response = client.get(f"/workbench/exports/{job.pk}/download/")
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    risky = [c for c in cells if c.value[:1] in "=+-@\t\r"]
    assert {c.value for c in risky} >= {evil["place"], evil["title"]}
    assert all(c.quotePrefix for c in risky)

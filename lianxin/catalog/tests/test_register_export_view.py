"""The register of service requests, exported in the background with the page's month and
filters: phones masked, the organisation's own requests only, the file for its asker only."""

from django.utils import timezone

from conftest import sheet_rows
from lianxin.catalog import actions

from .conftest import register


def test_the_months_register_as_a_job(sv, login, export_job):
    req, _secret = register(sv)
    other, _secret = register(sv, token="t-2", subject="占道堆放", applicant_phone="13700001111")
    actions.request_complete(req=other, decision="approved", actor=sv.handler)
    month = timezone.localdate(req.received_at).strftime("%Y-%m")
    url = f"/workbench/services/requests/{month}.xlsx"
    client = login(sv.handler)
    job, data = export_job(client, url)
    rows = sheet_rows(data)
    assert job.rows == 2 and job.file_name == f"requests-{month}.xlsx"
    assert rows[0][0] == f"测试公路段办件登记簿（{month}）"
    by_code = {r[0]: r for r in rows[2:]}
    assert by_code[req.code][1] == "涉路施工许可" and by_code[req.code][3] == "138****5678"
    assert by_code[other.code][8] == "已批准" and by_code[req.code][8] is None
    assert "13812345678" not in str(rows)
    job, data = export_job(client, url + "?status=completed", fmt="csv")
    text = data.decode("utf-8-sig")
    assert job.rows == 1 and other.code in text and req.code not in text
    outsider = login(sv.outsider)
    assert outsider.get(f"/workbench/exports/{job.pk}/download/").status_code == 404
    theirs, data = export_job(outsider, url)
    assert theirs.rows == 0 and req.code not in str(sheet_rows(data))
    assert login(sv.nobody).post(url, {"fmt": "xlsx"}).status_code == 403
    assert login(sv.handler).post("/workbench/services/requests/2026-13.xlsx").status_code == 404

"""The discipline API's lists take as many queries for many rows as for few: the reports an
inspector handles, the penalties and the public notices."""

from conftest import count_queries
from lianxin.api.tests.client import bearer
from lianxin.discipline.tests.conftest import submit

from .test_notices_view import publish_all
from .test_penalties_view import record_penalties


def test_reports_3_or_9(dc):
    client = bearer(dc.inspector)
    for _i in range(3):
        submit(dc)
    client.get("/api/v1/discipline/reports")  # the token's first use is written down once
    r, few = count_queries(client, "/api/v1/discipline/reports")
    assert len(r.json()) == 3
    for _i in range(6):
        submit(dc, accused_unit=dc.station_b, accused_text="")
    r, many = count_queries(client, "/api/v1/discipline/reports")
    assert len(r.json()) == 9 and {x["unit"] for x in r.json()} == {"甲站", "乙站"}
    assert many == few


def test_penalties_and_notices_3_or_12(dc):
    client = bearer(dc.inspector)
    record_penalties(dc, 0, 3)
    publish_all(dc)
    client.get("/api/v1/discipline/penalties")
    _r, few = count_queries(client, "/api/v1/discipline/penalties")
    _r, few_notices = count_queries(client, "/api/v1/discipline/notices")
    record_penalties(dc, 3, 9)
    publish_all(dc)
    r, many = count_queries(client, "/api/v1/discipline/penalties")
    assert len(r.json()) == 12 and "测纪〔2026〕11号" in {p["document_no"] for p in r.json()}
    assert many == few
    r, many_notices = count_queries(client, "/api/v1/discipline/notices")
    assert len(r.json()) == 12
    assert many_notices == few_notices

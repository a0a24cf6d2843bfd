"""The mediation API's list of disputes takes as many queries for many disputes as for few,
and shows a station only its own."""

from conftest import count_queries
from lianxin.api.tests.client import bearer

from .test_dispute_list_view import open_disputes


def test_disputes_3_or_15(cast):
    client = bearer(cast.leader)
    open_disputes(cast, 0, 3)
    client.get("/api/v1/mediation/disputes")  # the token's first use is written down once
    _r, few = count_queries(client, "/api/v1/mediation/disputes")
    open_disputes(cast, 3, 12)
    r, many = count_queries(client, "/api/v1/mediation/disputes")
    assert len(r.json()) == 15
    assert many == few
    station = bearer(cast.station_leader).get("/api/v1/mediation/disputes").json()
    assert {d["unit"] for d in station} == {"甲站"} and len(station) == 7

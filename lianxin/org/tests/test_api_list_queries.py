"""The org API's lists take as many queries for many rows as for few: the units of the
organisation, and the people of a unit with their roles."""

from conftest import count_queries
from lianxin.api.tests.client import bearer

from .test_people_list_view import hire


def test_units_and_people_3_or_15(cast):
    client = bearer(cast.leader)
    url = f"/api/v1/org/units/{cast.station_a.pk}/people"
    hire(cast, 0, 3)
    client.get(url)  # the token's first use is written down once
    _r, few = count_queries(client, url)
    _r, few_units = count_queries(client, "/api/v1/org/units")
    hire(cast, 3, 12)
    r, many = count_queries(client, url)
    assert len(r.json()) == 2 + 7
    assert {g["role"] for p in r.json() for g in p["roles"]} >= {"handler", "leader"}
    assert many == few
    _r, many_units = count_queries(client, "/api/v1/org/units")
    assert many_units == few_units

"""The rules API's list of regulations, each with its versions, takes as many queries for
many regulations as for few."""

from conftest import count_queries
from lianxin.api.tests.client import bearer

from .test_regulations_view import add_regulations


def test_regulations_3_or_15(rc):
    client = bearer(rc.handler)
    add_regulations(rc, 0, 2)  # and the cast's 干部作风规定
    client.get("/api/v1/rules/regulations")  # the token's first use is written down once
    _r, few = count_queries(client, "/api/v1/rules/regulations")
    add_regulations(rc, 2, 12)
    r, many = count_queries(client, "/api/v1/rules/regulations")
    assert len(r.json()) == 15 and all(len(x["versions"]) == 1 for x in r.json())
    assert many == few

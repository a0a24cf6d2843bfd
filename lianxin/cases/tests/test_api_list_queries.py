"""The cases API's lists take as many queries for many rows as for few: the register (with
its lead units and handlers), and the organisation's categories and time limits."""

from conftest import count_queries
from lianxin.api.tests.client import bearer
from lianxin.cases import actions
from lianxin.cases.models import Category
from lianxin.core.actor import Actor


def test_the_register_2_or_12(cc, make_case):
    client = bearer(cc.dispatcher)
    make_case("in_progress")
    make_case("received")
    client.get("/api/v1/cases/")  # the token's first use is written down once
    r, few = count_queries(client, "/api/v1/cases/")
    assert r.json()["count"] == 2
    _r, few_of_unit = count_queries(client, "/api/v1/cases/", {"unit": cc.station_a.pk})
    for i in range(10):
        make_case("in_progress" if i % 2 else "dispatched")
    r, many = count_queries(client, "/api/v1/cases/")
    assert r.json()["count"] == 12 and {c["lead_unit"] for c in r.json()["items"]} == {"甲站", None}
    assert many == few
    r, many_of_unit = count_queries(client, "/api/v1/cases/", {"unit": cc.station_a.pk})
    assert r.json()["count"] == 11 and {c["lead_unit"] for c in r.json()["items"]} == {"甲站"}
    assert many_of_unit == few_of_unit


def test_categories_and_time_limits_2_or_12(cc):
    client = bearer(cc.admin)
    client.get("/api/v1/register/categories")
    _r, few = count_queries(client, "/api/v1/register/categories")
    _r, few_limits = count_queries(client, "/api/v1/register/time-limits")
    for i in range(10):
        category = Category.objects.create(
            root=cc.root, name=f"分类{i}", default_unit=cc.station_b if i % 2 else None
        )
        actions.time_limit_set(
            root=cc.root,
            category=category,
            kind="",
            urgent=False,
            reply_workdays=5,
            actor=Actor.system(),
        )
    r, many = count_queries(client, "/api/v1/register/categories")
    assert len(r.json()) == 12 and "乙站" in {c["default_unit_name"] for c in r.json()}
    assert many == few
    r, many_limits = count_queries(client, "/api/v1/register/time-limits")
    assert len(r.json()) == 10
    assert many_limits == few_limits

"""Tree queries stay one or two SQL queries however deep the tree."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lianxin.core.actor import Actor
from lianxin.org import actions, queries
from lianxin.org.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def deep(cast):
    parent, chain = cast.station_a, []
    for level in range(8):
        parent = actions.unit_create(
            name=f"第{level}层", kind="office", parent=parent, actor=Actor.system()
        )
        chain.append(parent)
    return chain


def test_units_under_is_one_query_at_any_depth(cast, deep):
    with CaptureQueriesContext(connection) as ctx:
        names = [u.name for u in queries.units_under(cast.station_a)]
    assert len(ctx.captured_queries) == 1
    assert names[0] == "甲站" and names[-1] == "第7层" and len(names) == 9


def test_people_with_role_below_is_one_query(cast, deep):
    from conftest import make_person

    make_person("deepone", "深层", deep[-1], roles=[(Role.HANDLER, deep[-1])])
    with CaptureQueriesContext(connection) as ctx:
        names = sorted(
            p.name for p in queries.people_with_role(Role.HANDLER, cast.root, below=True)
        )
    assert len(ctx.captured_queries) == 1
    assert names == sorted(["杨承办", "郭承办", "深层"])
    assert [p.name for p in queries.people_with_role(Role.HANDLER, cast.station_b)] == ["郭承办"]


def test_unit_tree_is_two_queries_with_heads(cast, deep):
    with CaptureQueriesContext(connection) as ctx:
        units = queries.unit_tree(cast.root)
    assert len(ctx.captured_queries) == 2
    by_name = {u.name: u for u in units}
    assert [p.name for p in by_name["测试公路段"].leaders] == ["张局长"]
    assert [p.name for p in by_name["甲站"].leaders] == ["吴站长"]

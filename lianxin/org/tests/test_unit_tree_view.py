"""/workbench/org/: the unit tree with each unit's leader and party secretary."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lianxin.core.actor import Actor
from lianxin.org import actions

pytestmark = pytest.mark.django_db
URL = "/workbench/org/"


def test_leader_sees_the_tree_with_heads(cast, login):
    page = login(cast.leader).get(URL).content.decode()
    for text in ("测试公路段", "办公室", "甲站", "乙站", "张局长", "吴站长"):
        assert text in page
    assert "外县公路段" not in page


def test_outsider_sees_only_his_own_organisation(cast, login):
    page = login(cast.outsider).get(URL).content.decode()
    assert "外县公路段" in page and "甲站" not in page


def test_anonymous_is_sent_to_login(client):
    assert client.get(URL)["Location"].startswith("/accounts/login/")


def test_login_without_staff_profile_gets_403(cast, login):
    assert login(cast.nobody).get(URL).status_code == 403


def test_query_count_does_not_grow_with_units(cast, login):
    client = login(cast.leader)
    client.get(URL)
    with CaptureQueriesContext(connection) as small:
        client.get(URL)
    for i in range(10):
        actions.unit_create(name=f"新站{i}", kind="station", parent=cast.root, actor=Actor.system())
    with CaptureQueriesContext(connection) as large:
        assert "新站9" in client.get(URL).content.decode()
    assert len(large.captured_queries) == len(small.captured_queries)

"""/workbench/: greeting, roles and the missing-calendar warning for administrators."""

import pytest

from lianxin.core import workdays

pytestmark = pytest.mark.django_db


def test_handler_sees_his_roles(cast, login):
    page = login(cast.handler).get("/workbench/?all=1").content.decode()
    assert "杨承办" in page and "甲站" in page


def test_admin_is_warned_about_a_missing_calendar_year(cast, login):
    page = login(cast.admin).get("/workbench/").content.decode()
    for year in workdays.missing_years():
        assert str(year) in page
        assert "/workbench/calendar/?year=" in page


def test_anonymous_and_nobody(cast, client, login):
    assert client.get("/workbench/").status_code == 302
    assert login(cast.nobody).get("/workbench/").status_code == 403

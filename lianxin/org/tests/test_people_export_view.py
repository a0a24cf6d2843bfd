"""/workbench/org/people/roster.xlsx: the staff roster as Excel."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db
URL = "/workbench/org/people/roster.xlsx"


def rows(response):
    sheet = load_workbook(BytesIO(response.content)).active
    return [list(r) for r in sheet.iter_rows(min_row=4, values_only=True)]


def test_station_leader_exports_the_roster_with_phones_of_his_station_only(cast, login):
    response = login(cast.station_leader).get(URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert ".xlsx" in response["Content-Disposition"]
    by_name = {r[1]: r for r in rows(response)}
    assert set(by_name) == {"王管理", "张局长", "吴站长", "杨承办", "郭承办"}
    assert by_name["杨承办"][5] == "13900000002"  # his station: phone shown
    assert by_name["张局长"][5] in ("", None)  # above him: no phone
    assert "甲站承办人" in by_name["杨承办"][6]


def test_outsider_gets_his_own_organisation_only(cast, login):
    names = {r[1] for r in rows(login(cast.outsider).get(URL))}
    assert names == {"外人"}


def test_anonymous_and_nobody(cast, client, login):
    assert client.get(URL).status_code == 302
    assert login(cast.nobody).get(URL).status_code == 403

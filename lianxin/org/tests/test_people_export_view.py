"""/workbench/org/people/roster.xlsx: the staff roster exported in the background, phones
only of the units the user governs, his own organisation only, the file for him only."""

import pytest

from conftest import sheet_rows

pytestmark = pytest.mark.django_db
URL = "/workbench/org/people/roster.xlsx"


def test_station_leader_exports_the_roster_with_phones_of_his_station_only(cast, login, export_job):
    job, data = export_job(login(cast.station_leader), URL)
    assert job.file_name.endswith(".xlsx") and job.rows == 5
    by_name = {r[1]: r for r in sheet_rows(data)[2:]}
    assert set(by_name) == {"王管理", "张局长", "吴站长", "杨承办", "郭承办"}
    assert by_name["杨承办"][5] == "13900000002"  # his station: phone shown
    assert by_name["张局长"][5] is None and "13900000001" not in str(by_name)  # above him
    assert "甲站承办人" in by_name["杨承办"][6]
    assert sorted(r[0] for r in by_name.values()) == [1, 2, 3, 4, 5]
    job, data = export_job(login(cast.station_leader), URL, fmt="csv")
    assert "13900000002" in data.decode("utf-8-sig") and "13900000001" not in data.decode()
    assert login(cast.leader).get(f"/workbench/exports/{job.pk}/download/").status_code == 404


def test_outsider_gets_his_own_organisation_only(cast, login, export_job):
    job, data = export_job(login(cast.outsider), URL)
    assert {r[1] for r in sheet_rows(data)[2:]} == {"外人"}


def test_anonymous_and_nobody(cast, client, login):
    assert client.post(URL).status_code == 302
    assert login(cast.nobody).post(URL).status_code == 403

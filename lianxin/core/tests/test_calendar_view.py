"""The working-day calendar page (/workbench/calendar/)."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lianxin.core.models import CalendarYear, WorkdayOverride

pytestmark = pytest.mark.django_db
URL = "/workbench/calendar/"


def test_admin_sees_the_calendar(cast, login):
    response = login(cast.admin).get(URL + "?year=2026")
    assert response.status_code == 200
    assert "2026" in response.content.decode()


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["leader", "handler", "outsider"])
def test_non_admins_are_refused(cast, login, who):
    assert login(getattr(cast, who)).get(URL).status_code == 403


def test_login_without_staff_profile_is_refused(cast, login):
    assert login(cast.nobody).get(URL).status_code == 403


def test_admin_enters_a_notice_in_one_form(cast, login):
    response = login(cast.admin).post(
        URL,
        {
            "form": "notice",
            "notice-year": "2027",
            "notice-holidays": "2027-01-01 元旦\n2027-10-01~2027-10-07 国庆节",
            "notice-workdays": "2027-09-26\n2027-10-09",
            "notice-source": "国务院通知",
        },
    )
    assert response.status_code == 302
    assert CalendarYear.objects.get(year=2027).source == "国务院通知"
    assert WorkdayOverride.objects.filter(kind="holiday").count() == 8
    page = login(cast.admin).get(URL + "?year=2027").content.decode()
    assert "国庆节" in page


def test_bad_notice_shows_the_form_again_with_the_error(cast, login):
    response = login(cast.admin).post(
        URL,
        {
            "form": "notice",
            "notice-year": "2027",
            "notice-holidays": "2027-02-30",
        },
    )
    assert response.status_code == 200
    assert "2027-02-30" in response.content.decode()
    assert not CalendarYear.objects.exists()


def test_admin_imports_a_notice_file(cast, login):
    upload = SimpleUploadedFile(
        "2027.csv", "日期,类型,说明\n2027-01-01,放假,元旦\n2027-02-14,上班,调休\n".encode()
    )
    response = login(cast.admin).post(
        URL,
        {
            "form": "import",
            "import-year": "2027",
            "import-file": upload,
        },
    )
    assert response.status_code == 302
    assert WorkdayOverride.objects.get(date=date(2027, 2, 14)).kind == "workday"
    assert CalendarYear.objects.get(year=2027).source == "2027.csv"


def test_import_of_a_binary_file_is_refused(cast, login):
    upload = SimpleUploadedFile("x.xls", b"\xd0\xcf\x11\xe0\xff\xfe")
    response = login(cast.admin).post(
        URL,
        {
            "form": "import",
            "import-year": "2027",
            "import-file": upload,
        },
    )
    assert response.status_code == 200 and not CalendarYear.objects.exists()


def test_admin_sets_and_clears_one_date(cast, login):
    client = login(cast.admin)
    client.post(
        URL,
        {
            "form": "override",
            "override-day": "2026-12-31",
            "override-kind": "holiday",
            "override-note": "雪灾",
        },
    )
    override = WorkdayOverride.objects.get(date=date(2026, 12, 31))
    client.post(f"/workbench/calendar/overrides/{override.pk}/clear/")
    assert not WorkdayOverride.objects.exists()


def test_the_page_takes_as_many_queries_for_3_changed_days_as_for_15(cast, login):
    from datetime import timedelta

    from conftest import count_queries
    from lianxin.core import actions

    def change(start, n):
        for i in range(start, start + n):
            actions.workday_override_set(
                day=date(2027, 3, 1) + timedelta(days=i), kind="holiday", note=f"调休{i}",
                actor=cast.admin,
            )  # fmt: skip

    client = login(cast.admin)
    change(0, 3)
    page, few = count_queries(client, URL, {"year": 2027})
    assert "调休2" in page.text
    change(3, 12)
    page, many = count_queries(client, URL, {"year": 2027})
    assert "调休14" in page.text
    assert many == few

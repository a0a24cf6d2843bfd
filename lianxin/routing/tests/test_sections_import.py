"""Importing the register of road sections from an .xlsx file (setup page)."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from lianxin.routing.actions import REGISTER_HEADERS
from lianxin.routing.models import RoadSection

pytestmark = pytest.mark.django_db
URL = reverse("workbench:routing_setup")


def _xlsx(rows) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    for row in [REGISTER_HEADERS, *rows]:
        sheet.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return SimpleUploadedFile("register.xlsx", buf.getvalue())


def test_an_admin_imports_the_register(cc, login):
    upload = _xlsx(
        [
            ["G205", "K10+000", "K20+000", "甲镇 甲村", "甲站"],
            ["205国道", "K20+000", "K30+500", "", "t-b"],
            ["", "", "", "乙村 丙村", "乙站"],
        ]
    )
    page = login(cc.admin).post(URL, {"form": "import", "file": upload})
    assert page.status_code == 302
    rows = RoadSection.objects.order_by("pk")
    assert [(r.route, r.start_m, r.end_m, r.station) for r in rows] == [
        ("G205", 10000, 20000, cc.station_a),
        ("G205", 20000, 30500, cc.station_b),
        ("", None, None, cc.station_b),
    ]


def test_bad_rows_are_named_and_nothing_is_added(cc, login):
    upload = _xlsx(
        [
            ["G205", "K10+000", "K20+000", "", "甲站"],
            ["G205", "K30", "K20", "", "甲站"],
            ["S311", "K1", "K2", "", "外县公路段"],
        ]
    )
    page = login(cc.admin).post(URL, {"form": "import", "file": upload})
    assert page.status_code == 400
    html = page.content.decode()
    assert "3" in html and "4" in html and "外县公路段" in html
    assert not RoadSection.objects.exists()


def test_a_file_that_is_not_excel_is_refused(cc, login):
    upload = SimpleUploadedFile("register.xlsx", b"not a workbook")
    page = login(cc.admin).post(URL, {"form": "import", "file": upload})
    assert page.status_code == 400
    assert not RoadSection.objects.exists()


def test_others_cannot_import(cc, login):
    page = login(cc.dispatcher).post(URL, {"form": "import", "file": _xlsx([])})
    assert page.status_code == 404

"""Bulk import of an .xlsx that is a zip bomb: refused before any reader unpacks it, with a
clear message and nothing written; an ordinary spreadsheet still goes through."""

import io
import struct
import zipfile

import pytest

from lianxin.cases.models import Category
from lianxin.intake.models import ImportBatch

from .test_import_views import GOOD, upload, xlsx

pytestmark = pytest.mark.django_db


def bombed(padding: int, *, lie: bool = False) -> bytes:
    """A real spreadsheet whose first sheet carries `padding` bytes of blanks (valid XML)."""
    source = zipfile.ZipFile(io.BytesIO(xlsx([GOOD])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * padding, 1)
            z.writestr(info.filename, data)
    raw = bytearray(out.getvalue())
    if lie:  # declare 1,000 bytes unpacked for the sheet, in both headers
        name = b"xl/worksheets/sheet1.xml"
        local = raw.find(b"PK\x03\x04")
        while local != -1:
            if raw[local + 30 : local + 30 + len(name)] == name:
                struct.pack_into("<I", raw, local + 22, 1000)
            local = raw.find(b"PK\x03\x04", local + 4)
        central = raw.find(b"PK\x01\x02")
        while central != -1:
            if raw[central + 46 : central + 46 + len(name)] == name:
                struct.pack_into("<I", raw, central + 24, 1000)
            central = raw.find(b"PK\x01\x02", central + 4)
    return bytes(raw)


@pytest.fixture
def category(cast):
    return Category.objects.create(root=cast.root, name="路面病害")


def test_a_tightly_packed_sheet_is_refused_before_reading(cast, login, category):
    data = bombed(40 * 2**20)
    assert len(data) < 200 * 2**10  # 40 MB of sheet in under 200 KB
    r = upload(login(cast.admin), "bomb.xlsx", data)
    assert r.status_code == 400
    assert "解压后超过" in r.content.decode()
    assert ImportBatch.objects.count() == 0


def test_an_archive_over_the_total_is_refused(cast, login, category, settings):
    settings.LIANXIN_ZIP_MAX_BYTES = 2**20
    settings.LIANXIN_ZIP_MAX_RATIO = 10**6
    r = upload(login(cast.admin), "big.xlsx", bombed(2 * 2**20))
    assert r.status_code == 400 and "解压后超过 1 MB" in r.content.decode()
    assert ImportBatch.objects.count() == 0


def test_an_archive_that_lies_about_its_sizes_is_refused(cast, login, category):
    r = upload(login(cast.admin), "liar.xlsx", bombed(40 * 2**20, lie=True))
    assert r.status_code == 400 and "不是 Excel" in r.content.decode()
    assert ImportBatch.objects.count() == 0


def test_an_ordinary_spreadsheet_still_imports(cast, login, category):
    r = upload(login(cast.admin), "ok.xlsx", bombed(1000))
    assert r.status_code == 302 and ImportBatch.objects.get().valid == 1


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_parts_packed_in_a_way_no_spreadsheet_uses_are_refused(cast, login, category, method):
    source = zipfile.ZipFile(io.BytesIO(xlsx([GOOD])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for info in source.infolist():
            z.writestr(info.filename, source.read(info))
    r = upload(login(cast.admin), "odd.xlsx", out.getvalue())
    assert r.status_code == 400 and "不是 Excel" in r.content.decode()
    assert ImportBatch.objects.count() == 0


def test_an_encrypted_part_is_refused(cast, login, category):
    raw = bytearray(xlsx([GOOD]))
    central = raw.find(b"PK\x01\x02")  # mark the first entry encrypted in the directory
    struct.pack_into("<H", raw, central + 8, 0x1)
    r = upload(login(cast.admin), "locked.xlsx", bytes(raw))
    assert r.status_code == 400 and "不是 Excel" in r.content.decode()
    assert ImportBatch.objects.count() == 0

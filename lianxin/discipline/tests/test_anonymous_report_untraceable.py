"""An anonymous report leaves nothing in the data folder that ties it to an address, to a
time finer than the day, or to the reporter's other doings: after a cadre, logged in on the
same browser, reports his station anonymously with a photo, follows it with the receipt and
writes a message, the raw database holds neither his address nor its keyed hashes nor any
time of that minute; the stored files carry the day only and none of the photo's EXIF; his
session names no report."""

import os
import re
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.utils import timezone
from django.utils.crypto import salted_hmac

from lianxin.core import clock, files, pow, ratelimit, samples
from lianxin.discipline.models import Report
from lianxin.discipline.tests.conftest import dump_database

ADDRESS = "203.0.113.77"


def _form(client, url, **data):
    page = client.get(url).content.decode()
    found = re.search(r'name="pow_challenge" value="([^"]+)"', page)
    assert found or url == "/report/follow/"  # the follow form took no work before
    if found is None:
        return data
    return {"pow_challenge": found.group(1), "pow_counter": pow.solve(found.group(1)), **data}


def _photo_with_exif() -> bytes:
    """A phone's photo: taken at 10:15:23 on 3 December 2026 with a HUAWEI, at a place."""
    import io

    from PIL import Image

    exif = Image.Exif()
    exif[0x0132] = "2026:12:03 10:15:23"  # DateTime
    exif[0x010F] = "HUAWEI"  # Make
    exif[0xA431] = "SN-7F3A9C21"  # BodySerialNumber
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _moments(start: datetime, end: datetime) -> list[bytes]:
    """Every second of [start, end] as a database would print it, in UTC and local time."""
    out, at = [], start.replace(microsecond=0)
    while at <= end:
        for zone in (ZoneInfo("UTC"), ZoneInfo("Asia/Shanghai"), timezone.get_current_timezone()):
            local = at.astimezone(zone)
            out += [local.strftime("%Y-%m-%d %H:%M:%S").encode(),
                    local.strftime("%Y-%m-%dT%H:%M:%S").encode()]  # fmt: skip
        at += timedelta(seconds=1)
    return out


@pytest.mark.django_db(transaction=True)
def test_an_anonymous_report_leaves_no_address_time_or_link(dc, settings):
    settings.LIANXIN_POW_BITS = 8
    cadre = Client(REMOTE_ADDR=ADDRESS)
    cadre.force_login(dc.handler_b)  # a cadre reporting on the same browser
    time.sleep(2.1)  # the login's own times (and the cast's) stay out of the window below
    start = clock.now()
    done = cadre.post("/report/", _form(
        cadre, "/report/", accused_unit=dc.station_a.pk, accused_text="", what="站长报销造假。",
        files=[SimpleUploadedFile("IMG_20261203_101523.jpg", _photo_with_exif(), "image/jpeg")],
    ))  # fmt: skip
    receipt = re.search(r'id="receipt">([\d ]+)<', done.content.decode()).group(1)
    followed = cadre.post("/report/follow/", _form(cadre, "/report/follow/", receipt=receipt))
    assert followed.status_code == 302
    cadre.post("/report/follow/message/", {
        "text": "补充一张发票照片。",
        "files": [SimpleUploadedFile("IMG_20261203_101907.png", samples.png(), "image/png")],
    })  # fmt: skip
    end = clock.now()
    report = Report.objects.get()
    assert report.anonymous and report.messages.filter(from_reporter=True).count() == 1
    dump = dump_database()
    assert "站长报销造假".encode() in dump  # the dump is real
    request = RequestFactory().get("/", REMOTE_ADDR=ADDRESS)
    for needle in (
        ADDRESS.encode(),
        ratelimit.client_key(request).encode(),
        salted_hmac("lianxin.ratelimit", ADDRESS).hexdigest().encode(),
    ):
        assert needle not in dump, needle
    for moment in _moments(start, end + timedelta(seconds=1)):
        assert moment not in dump, moment
    local = timezone.localtime(report.received_at)
    assert (local.hour, local.minute, local.second, local.microsecond) == (0, 0, 0, 0)
    for evidence in report.evidence.all():
        stored = files.stored_path(evidence.sha256)
        for path in (stored, stored.parent):
            mtime = datetime.fromtimestamp(
                os.stat(path).st_mtime, tz=timezone.get_current_timezone()
            )
            assert (mtime.hour, mtime.minute, mtime.second) == (0, 0, 0), path
    photo = files.stored_path(report.evidence.get(name="evidence-1.jpg").sha256).read_bytes()
    for written in (b"2026:12:03 10:15:23", b"HUAWEI", b"SN-7F3A9C21", b"Exif"):
        assert written not in photo, written  # what the camera wrote is gone
    assert sorted(report.evidence.values_list("name", flat=True)) == [
        "evidence-1.jpg", "evidence-2.png",
    ]  # fmt: skip
    for session in Session.objects.all():
        assert "discipline" not in str(session.get_decoded())

"""The photo of a diary entry is served by an access-checked view (never from /media/, which
nothing serves): the cadre and his leaders get it, anyone else 404."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from lianxin.core import clock, samples
from lianxin.core.errors import ApplicationError
from lianxin.liaison import actions
from lianxin.liaison.models import Visit

NOW = timezone.make_aware(datetime(2026, 11, 20, 16))


def visit_with_photo(lx, photo=None):
    photo = photo or SimpleUploadedFile("现场.jpg", samples.jpeg(), content_type="image/jpeg")
    with clock.frozen_at(NOW):
        return actions.visit_record(
            place=lx.village,
            kind="visit",
            day=date(2026, 11, 20),
            met="王大爷",
            said="村口路灯不亮",
            photo=photo,
            actor=lx.station_leader,
        )


@pytest.mark.parametrize("who", ["station_leader", "leader", "admin"])
def test_the_cadre_and_his_leaders_get_the_photo(lx, login, who):
    visit = visit_with_photo(lx)
    client = login(getattr(lx, who))
    page = client.get(reverse("workbench:visit_detail", args=[visit.pk])).content.decode()
    src = reverse("workbench:visit_photo", args=[visit.pk])
    assert f'src="{src}"' in page and "/media/" not in page
    photo = client.get(src)
    assert photo.status_code == 200
    assert photo["Content-Type"] == "image/jpeg"
    assert photo["X-Content-Type-Options"] == "nosniff"
    assert b"".join(photo.streaming_content) == samples.jpeg()


@pytest.mark.parametrize("who", ["handler", "handler_b", "outsider"])
def test_anyone_else_gets_404(lx, login, who):
    visit = visit_with_photo(lx)
    assert (
        login(getattr(lx, who)).get(reverse("workbench:visit_photo", args=[visit.pk])).status_code
        == 404
    )


def test_an_entry_without_photo_or_unknown_is_404(lx, login):
    with clock.frozen_at(NOW):
        visit = actions.visit_record(
            place=lx.village,
            kind="visit",
            day=date(2026, 11, 20),
            met="王大爷",
            said="村口路灯不亮",
            actor=lx.station_leader,
        )
    client = login(lx.station_leader)
    assert client.get(reverse("workbench:visit_photo", args=[visit.pk])).status_code == 404
    assert client.get(reverse("workbench:visit_photo", args=[99999])).status_code == 404


def test_a_photo_that_only_starts_like_a_jpeg_is_refused(lx):
    broken = SimpleUploadedFile("x.jpg", b"\xff\xd8\xff" + b"\x00" * 200, content_type="image/jpeg")
    with pytest.raises(ApplicationError) as err:
        visit_with_photo(lx, broken)
    assert err.value.field == "photo" and not Visit.objects.exists()

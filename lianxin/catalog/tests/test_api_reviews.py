"""/api/v1/catalog/requests/{code}/review: a platform records a bad rating with the request's
secret, the station rectifies, its leader appeals and a supervisor upholds, all through the
API; every field error at once with nothing written; outsiders 404."""

from datetime import datetime

from django.utils import timezone

from lianxin.api.tests.client import bearer, fields, send
from lianxin.catalog import actions
from lianxin.catalog.models import Review
from lianxin.core import clock

from .conftest import register

DAY = timezone.make_aware(datetime(2026, 11, 3, 10))


def completed(sv):
    with clock.frozen_at(timezone.make_aware(datetime(2026, 11, 2, 10))):
        req, secret = register(sv)
        actions.request_complete(req=req, decision="approved", actor=sv.handler)
    return req.code, secret


def test_rated_rectified_appealed_and_upheld(sv):
    code, secret = completed(sv)
    url = f"/api/v1/catalog/requests/{code}/review"
    with clock.frozen_at(DAY):
        platform = bearer(sv.admin)
        r = send(platform, "post", url, {"secret": secret, "level": 2, "reasons": "跑了两趟"})
        assert r.status_code == 201, r.content
        r = send(bearer(sv.handler), "post", f"{url}/rectify", {"answer": "已培训窗口人员"})
        assert r.status_code == 200, r.content
        r = send(bearer(sv.station_leader), "post", f"{url}/appeal", {"reason": "已一次告知"})
        assert r.status_code == 200, r.content
        r = send(bearer(sv.supervisor), "post", f"{url}/decide-appeal", {"uphold": True})
        assert r.status_code == 200, r.content
    got = bearer(sv.handler).get(url).json()
    assert got["level"] == 2 and got["rectification"] == "已培训窗口人员"
    assert got["appeal_state"] == "upheld" and got["excluded"] is True


def test_every_field_error_at_once_and_nothing_written(sv):
    code, secret = completed(sv)
    url = f"/api/v1/catalog/requests/{code}/review"
    admin = bearer(sv.admin)
    with clock.frozen_at(DAY):
        r = send(admin, "post", url, {"level": 9, "reasons": "差" * 1001})
        assert r.status_code == 422 and fields(r) == {"secret", "level", "reasons"}
        assert not Review.objects.exists()
        send(admin, "post", url, {"secret": secret, "level": 1, "reasons": "态度差"})
        r = send(bearer(sv.station_leader), "post", f"{url}/appeal", {"reason": ""})
        assert r.status_code == 422 and fields(r) == {"reason"}
    assert Review.objects.get().appeal_state == ""


def test_outsiders_get_404_and_the_handler_may_not_decide(sv):
    code, secret = completed(sv)
    url = f"/api/v1/catalog/requests/{code}/review"
    outsider = bearer(sv.outsider)
    with clock.frozen_at(DAY):
        body = {"secret": secret, "level": 1, "reasons": "差"}
        assert send(outsider, "post", url, body).status_code == 404
        send(bearer(sv.admin), "post", url, body)
        assert outsider.get(url).status_code == 404
        assert send(outsider, "post", f"{url}/rectify", {"answer": "x"}).status_code == 404
        r = send(bearer(sv.handler), "post", f"{url}/appeal", {"reason": "不服"})
        assert r.status_code == 403  # only the unit's leader appeals
    assert Review.objects.get().rectified_at is None

"""POST /api/v1/catalog/commitments: an administrator makes a commitment for a service with a
published guide through the API and staff read it with its figures; every field error at
once with nothing written; others 403; a service of another organisation is unknown."""

from lianxin.api.tests.client import bearer, fields, send
from lianxin.catalog.models import Commitment

URL = "/api/v1/catalog/commitments"


def test_made_and_read_back_with_its_figures(sv):
    body = {"text": "涉路施工许可3个工作日办结", "service": sv.service.pk, "target_workdays": 3}
    r = send(bearer(sv.admin), "post", URL, body)
    assert r.status_code == 201, r.content
    listed = bearer(sv.handler).get(URL).json()
    assert [(c["text"], c["target_workdays"], c["completed"]) for c in listed] == [
        ("涉路施工许可3个工作日办结", 3, 0)
    ]
    r = send(bearer(sv.admin), "post", URL, {**body, "target_workdays": 11})  # legal limit 10
    assert r.status_code == 400 and r.json()["detail"][0]["field"] == "target_workdays"


def test_every_field_error_at_once_and_nothing_written(sv):
    admin = bearer(sv.admin)
    r = send(admin, "post", URL, {"text": "", "service": "roadwork", "target_workdays": 0})
    assert r.status_code == 422 and fields(r) == {"text", "service", "target_workdays"}
    r = send(admin, "post", URL, {"text": "限时办结", "service": 10**9})
    assert r.status_code == 422 and fields(r) == {"service"}
    assert not Commitment.objects.exists()


def test_others_403_and_outsiders_reach_nothing_of_ours(sv):
    body = {"text": "限时办结", "service": sv.service.pk}
    assert send(bearer(sv.handler), "post", URL, body).status_code == 403
    r = send(bearer(sv.outsider), "post", URL, body)
    assert r.status_code == 403  # no administrator of any organisation
    assert not Commitment.objects.exists()

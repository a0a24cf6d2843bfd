"""/api/v1/mediation/: a dispute read and worked through the API by its mediator; the
parties' contacts only for those entitled; outsiders 404; every field error at once."""

from datetime import datetime

from django.utils import timezone

from lianxin.api.tests.client import bearer, post
from lianxin.core import clock

from .test_mediation_actions import open_dispute

NOW = timezone.make_aware(datetime(2026, 11, 20, 10))


def test_the_mediator_records_a_session_and_closes_with_an_agreement(cast):
    with clock.frozen_at(NOW):
        d = open_dispute(cast)
        mediator = bearer(cast.station_leader)
        url = f"/api/v1/mediation/disputes/{d.pk}"
        body = {"day": "2026-11-20", "place": "村委会", "attendees": "双方", "notes": "协商"}
        r = post(mediator, f"{url}/sessions", body)
        assert r.status_code == 201, r.content
        assert r.json()["sessions"][0]["place"] == "村委会"
        r = post(mediator, f"{url}/close", {"outcome": "success", "agreement": "补偿八千元"})
        assert r.status_code == 200, r.content
        assert r.json()["outcome"] == "success" and r.json()["agreement_no"] == "2026-1"
        listed = mediator.get("/api/v1/mediation/disputes").json()
        assert [x["id"] for x in listed] == [d.pk]


def test_contacts_only_for_the_mediator_and_outsiders_get_404(cast):
    d = open_dispute(cast)
    url = f"/api/v1/mediation/disputes/{d.pk}"
    parties = bearer(cast.station_leader).get(url).json()["parties"]
    assert parties[0]["contact"] == "13905710001"
    handler = bearer(cast.handler)  # staff of the dispute's unit: reads, no contacts
    assert handler.get(url).json()["parties"][0]["contact"] == ""
    outsider = bearer(cast.outsider)
    assert outsider.get(url).status_code == 404
    assert post(outsider, f"{url}/parties", {"name": "王某"}).status_code == 404
    assert outsider.get("/api/v1/mediation/disputes").json() == []


def test_every_field_error_of_a_session_at_once_and_a_refusal_by_the_action(cast):
    with clock.frozen_at(NOW):
        d = open_dispute(cast)
        mediator = bearer(cast.station_leader)
        url = f"/api/v1/mediation/disputes/{d.pk}"
        r = post(mediator, f"{url}/sessions", {"day": "someday", "place": "", "notes": "x"})
        assert r.status_code == 422
        assert {e["field"] for e in r.json()["detail"]} == {"day", "place", "attendees"}
        body = {"day": "2026-12-20", "place": "村委会", "attendees": "双方", "notes": "协商"}
        r = post(mediator, f"{url}/sessions", body)
        assert r.status_code == 400 and r.json()["detail"][0]["field"] == "day"
        assert mediator.get(url).json()["sessions"] == []

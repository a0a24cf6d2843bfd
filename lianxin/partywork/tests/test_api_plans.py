"""/api/v1/partywork/units/{unit}/plans/{month}: the station's secretary starts a plan and adds
an item, both sides agree, the item is marked done, all through the API; every field error
at once with nothing written; another station and outsiders 404."""

from datetime import datetime

from django.utils import timezone

from lianxin.api.tests.client import bearer, fields, send
from lianxin.core import clock
from lianxin.partywork.models import MonthlyPlan, PlanItem

NOV = timezone.make_aware(datetime(2026, 11, 20, 10, 0))
ITEM = {"what": "主题党日", "who": "全体党员", "when": "2026-12-08"}


def test_a_plan_is_made_agreed_by_both_sides_and_its_item_done(pw):
    url = f"/api/v1/partywork/units/{pw.station_a.pk}/plans/2026-12"
    sec, office = bearer(pw.sec_a), bearer(pw.officer)
    with clock.frozen_at(NOV):
        assert send(sec, "post", url).status_code == 201
        r = send(sec, "post", f"{url}/items", ITEM)
        assert r.status_code == 201, r.content
        item = r.json()["items"][0]["id"]
        assert send(office, "post", f"{url}/agree").status_code == 400  # the station first
        assert send(sec, "post", f"{url}/agree").status_code == 200
        r = send(office, "post", f"{url}/agree")
        assert r.status_code == 200 and r.json()["agreed"] is True
    with clock.frozen_at(timezone.make_aware(datetime(2026, 12, 8, 17, 0))):
        r = send(sec, "post", f"{url}/items/{item}/done")
        assert r.status_code == 200, r.content
    got = office.get(url).json()
    assert [(i["what"], i["done"]) for i in got["items"]] == [("主题党日", True)]


def test_every_field_error_at_once_and_nothing_written(pw):
    url = f"/api/v1/partywork/units/{pw.station_a.pk}/plans/2026-12"
    sec = bearer(pw.sec_a)
    with clock.frozen_at(NOV):
        send(sec, "post", url)
        r = send(sec, "post", f"{url}/items", {"what": "", "when": "12月8日"})
        assert r.status_code == 422 and fields(r) == {"what", "who", "when"}
        r = send(bearer(pw.officer), "post", f"{url}/comments", {"comment": ""})
        assert r.status_code == 422 and fields(r) == {"comment"}
    assert not PlanItem.objects.exists() and MonthlyPlan.objects.get().comment == ""


def test_another_station_and_outsiders_get_404(pw):
    url = f"/api/v1/partywork/units/{pw.station_a.pk}/plans/2026-12"
    with clock.frozen_at(NOV):
        for user in (pw.sec_b, pw.outsider):
            assert send(bearer(user), "post", url).status_code == 404
        send(bearer(pw.sec_a), "post", url)
        r = send(bearer(pw.outsider), "post", f"{url}/items", ITEM)
        assert r.status_code == 404
        assert bearer(pw.sec_b).get(url).status_code == 404
    assert MonthlyPlan.objects.count() == 1 and not PlanItem.objects.exists()

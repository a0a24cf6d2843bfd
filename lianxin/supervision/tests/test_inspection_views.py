"""The inspection pages: planning, the phone form for findings, finishing, the bulletin;
unannounced inspections hidden until finished; outsiders 404."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from lianxin.core import clock
from lianxin.supervision import actions
from lianxin.supervision.models import Inspection


def test_planning_through_the_page(cc, login):
    client = login(cc.supervisor)
    today = timezone.localdate(clock.now())
    response = client.post(
        reverse("workbench:inspections"),
        {
            "subject": "春运保畅专项督查",
            "method": "special",
            "units": [cc.station_a.pk],
            "team": [cc.people.supervisor.pk],
            "starts_on": today.isoformat(),
            "ends_on": (today + timedelta(days=1)).isoformat(),
        },
    )
    inspection = Inspection.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("workbench:inspection_detail", args=[inspection.pk])


def test_a_bad_plan_shows_the_form_again(cc, login):
    client = login(cc.supervisor)
    response = client.post(reverse("workbench:inspections"), {"subject": "", "method": "open"})
    assert response.status_code == 400
    assert not Inspection.objects.exists()


def test_a_station_cannot_plan(cc, login):
    client = login(cc.station_leader)
    response = client.post(reverse("workbench:inspections"), {"subject": "x"})
    assert response.status_code == 403


def test_findings_through_the_phone_form_and_bad_input(cc, login, inspection):
    client = login(cc.supervisor)
    url = reverse("workbench:finding_new", args=[inspection.pk])
    bad = client.post(url, {"unit": cc.station_a.pk, "text": "", "category": cc.road.pk})
    assert bad.status_code == 400
    assert not inspection.findings.exists()
    ok = client.post(
        url, {"unit": cc.station_a.pk, "text": "站内台账记录不全", "category": cc.road.pk}
    )
    assert ok.status_code == 302
    assert inspection.findings.get().case.lead_unit == cc.station_a


def test_an_unannounced_inspection_is_hidden_from_the_station_until_finished(cc, login, inspection):
    detail = reverse("workbench:inspection_detail", args=[inspection.pk])
    report = reverse("workbench:inspection_report", args=[inspection.pk])
    station = login(cc.station_leader)
    assert station.get(detail).status_code == 404
    assert "冬季道路养护作业暗访" not in station.get(reverse("workbench:inspections")).text
    actions.inspection_finish(inspection=inspection, summary="发现问题两处。", actor=cc.supervisor)
    assert station.get(detail).status_code == 200
    page = station.get(report)
    assert page.status_code == 200
    assert "发现问题两处。" in page.text


def test_outsiders_get_404_everywhere(cc, login, inspection):
    actions.inspection_finish(inspection=inspection, summary="好。", actor=cc.supervisor)
    client = login(cc.outsider)
    for name in ("inspection_detail", "inspection_report"):
        assert client.get(reverse(f"workbench:{name}", args=[inspection.pk])).status_code == 404
    url = reverse("workbench:finding_new", args=[inspection.pk])
    assert client.post(url, {"text": "x"}).status_code == 404


def test_the_bulletin_of_an_unfinished_inspection_does_not_exist(cc, login, inspection):
    client = login(cc.supervisor)
    url = reverse("workbench:inspection_report", args=[inspection.pk])
    assert client.get(url).status_code == 404

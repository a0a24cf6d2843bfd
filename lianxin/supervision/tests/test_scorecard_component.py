"""Inspection on the scorecards: the problems found in a unit in the month, counted from
the findings as they were recorded, and linked to the unit's rectification ledger."""

from django.utils import timezone

from lianxin.core import clock
from lianxin.stats import registry


def test_findings_of_the_month_count_for_the_unit_found_and_link_to_its_ledger(cc, finding, login):
    component = registry.get("supervision.findings")
    month = timezone.localdate(finding.found_at).replace(day=1)
    figures = component.compute(cc.root, month)["units"]
    assert figures == {cc.station_a.pk: (1, None)}
    last_year = month.replace(year=month.year - 1)
    assert component.compute(cc.root, last_year)["units"] == {}
    assert component.compute(cc.other, month)["units"] == {}  # another organisation

    link = component.link(cc.station_a.pk, month)
    page = login(cc.station_leader).get(link)
    assert page.status_code == 200 and finding.case.code in page.content.decode()


def test_the_unit_scorecard_shows_the_findings_with_the_link(cc, finding, login):
    month = timezone.localdate(clock.now()).strftime("%Y-%m")
    html = login(cc.leader).get(f"/workbench/scorecards/units/{cc.station_a.pk}/{month}/")
    body = html.content.decode()
    assert html.status_code == 200
    assert (
        "督查发现问题" in body and f"/workbench/supervision/ledger/?unit={cc.station_a.pk}" in body
    )

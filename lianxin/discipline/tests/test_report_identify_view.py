"""Naming the person reported from the report page: the report re-routes at once, so an
inspector who names the office's own head loses it to the organ's leader."""

from lianxin.discipline.tests.conftest import submit


def test_naming_the_office_head_hands_the_report_to_the_organ_leader(dc, login):
    report, _r = submit(dc, accused_unit=dc.station_a, accused_text="某领导")
    assert report.accused_person is None and report.route == "inspectors"
    url = f"/workbench/discipline/reports/{report.pk}/"
    inspector = login(dc.inspector)
    bad = inspector.post(
        url + "identify/", {"identify-version": report.version, "identify-person": 999999}
    )
    assert bad.status_code == 400 and "选择一个有效的选项" in bad.content.decode()
    r = inspector.post(
        url + "identify/",
        {"identify-version": report.version, "identify-person": dc.people.head.pk},
    )
    assert r.status_code == 302 and r["Location"] == "/workbench/discipline/"
    report.refresh_from_db()
    assert report.accused_person == dc.people.head and report.route == "organ_leader"
    assert login(dc.inspector).get(url).status_code == 404
    assert login(dc.head).get(url).status_code == 404
    assert login(dc.leader).get(url).status_code == 200


def test_a_person_of_another_organisation_cannot_be_named(dc):
    import pytest

    from conftest import make_person
    from lianxin.core.errors import ApplicationError
    from lianxin.discipline import actions

    report, _r = submit(dc)
    stranger = make_person("stranger2", "外人乙", dc.other)
    with pytest.raises(ApplicationError, match="本单位人员"):
        actions.report_identify(report=report, person=stranger, actor=dc.inspector)
    report.refresh_from_db()
    assert report.accused_person is None and not report.accused_confirmed

"""report_submit and reporter_message keep a report away from everyone it may be about: the
person reported follows his identity, not the spelling of the text ("纪检员马纪检", a report
filed to another unit, a name anywhere in the text or in a later message); a report about
anyone of the discipline office leaves the whole office and goes to the organ's leader."""

import pytest

from conftest import make_person
from lianxin.discipline import access, actions
from lianxin.discipline.tests.conftest import submit
from lianxin.org.models import Role


def page(login, user, report):
    return login(user).get(f"/workbench/discipline/reports/{report.pk}/").status_code


def listed(login, user, report):
    return report.number in login(user).get("/workbench/discipline/").content.decode()


def test_a_title_before_the_name_does_not_let_the_inspector_see_a_report_about_him(dc, login):
    report, _r = submit(dc, accused_unit=dc.office_unit, accused_text="纪检员马纪检")
    assert page(login, dc.inspector, report) == 404
    assert not listed(login, dc.inspector, report)
    assert dc.people.inspector not in access.handlers(report)
    assert page(login, dc.leader, report) == 200


def test_the_office_head_reported_to_another_unit_never_sees_it(dc, login):
    report, _r = submit(
        dc, accused_unit=dc.station_a, accused_text="",
        what="纪检室主任周主任到甲站检查时接受宴请。",
    )  # fmt: skip
    assert page(login, dc.head, report) == 404 and not listed(login, dc.head, report)
    assert page(login, dc.inspector, report) == 404  # the whole office stands aside
    assert report.route == "organ_leader" and page(login, dc.leader, report) == 200


def test_a_report_about_an_ordinary_office_member_reaches_the_organ_leader(dc, login):
    report, _r = submit(dc, accused_unit=dc.office_unit, accused_text="马纪检")
    assert access.handlers(report) == [dc.people.leader]
    for office_person in (dc.inspector, dc.head, dc.conflicted):
        assert page(login, office_person, report) == 404
    assert page(login, dc.leader, report) == 200


def test_a_name_anywhere_in_the_text_or_a_later_message_keeps_that_person_away(dc, login):
    organ_inspector = make_person(
        "rootinsp", "孙纪委", dc.root, roles=[(Role.INSPECTOR, dc.root)]
    ).user
    report, _r = submit(dc, accused_unit=dc.station_b, accused_text="",
                        what="乙站站务公开栏一直未更新，孙纪委检查时也看到了。")  # fmt: skip
    assert page(login, organ_inspector, report) == 404
    assert page(login, dc.inspector, report) == 200
    later, _r = submit(dc, accused_unit=dc.station_b, accused_text="")
    assert page(login, dc.inspector, later) == 200
    actions.reporter_message(report=later, text="补充：当天马纪检也在场，没有制止。")
    assert page(login, dc.inspector, later) == 404  # 马纪检 is of the office: all of it
    assert page(login, dc.leader, later) == 200


def test_confirming_the_person_at_acceptance_settles_who_stays_away(dc, login):
    organ_inspector = make_person(
        "rootinsp", "孙纪委", dc.root, roles=[(Role.INSPECTOR, dc.root)]
    ).user
    report, _r = submit(dc, what="杨承办上班玩手机，孙纪委检查时也看到了。")
    assert page(login, organ_inspector, report) == 404
    actions.report_accept(report=report, actor=dc.inspector, accused=dc.people.handler)
    report.refresh_from_db()
    assert report.accused_person == dc.people.handler and report.accused_confirmed
    assert page(login, organ_inspector, report) == 200  # a witness, as the inspector judged
    assert page(login, dc.handler, report) == 404
    assert page(login, dc.station_leader, report) == 404


def test_a_person_outside_the_roster_cannot_be_picked(dc):
    from lianxin.core.errors import ApplicationError
    from lianxin.discipline.models import Report

    stranger = make_person("stranger3", "外人丙", dc.other)
    for bad in (stranger, stranger.pk, 999999):
        with pytest.raises(ApplicationError, match="请从列表中选择被举报人"):
            submit(dc, accused_person=bad)
    assert not Report.objects.exists()


def test_when_those_named_would_leave_nobody_they_alone_stand_aside(dc, login):
    report, _r = submit(dc, accused_unit=dc.office, accused_text="",
                        what="钱兼职、张局长和李书记三人一起接受宴请。")  # fmt: skip
    assert report.mentions_relaxed and report.route == "inspectors"
    assert {p.user for p in access.handlers(report)} == {dc.inspector, dc.head}
    for named in (dc.conflicted, dc.leader, dc.secretary):
        assert page(login, named, report) == 404 and not listed(login, named, report)
    assert page(login, dc.inspector, report) == 200 and listed(login, dc.inspector, report)

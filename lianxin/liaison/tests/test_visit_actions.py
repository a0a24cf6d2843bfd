"""Visits (民情日记): recorded by the cadre, needs become cases that the diary follows; bad input
refused with nothing written; stints and contact points within the cadre's units."""

from datetime import date, datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from lianxin.cases import actions as case_actions
from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError
from lianxin.liaison import actions
from lianxin.liaison.models import Visit

TODAY = timezone.make_aware(datetime(2026, 11, 20, 16))


def record(lx, **kw):
    args = dict(
        place=lx.village,
        kind="visit",
        day=date(2026, 11, 20),
        met="王大爷",
        said="村口路灯不亮",
        needs=["村口增设路灯", "清理边沟"],
        signature="王某",
        actor=lx.station_leader,
    )
    args.update(kw)
    with clock.frozen_at(TODAY):
        return actions.visit_record(**args)


def test_a_need_becomes_a_case_and_the_diary_follows_it(lx):
    visit = record(lx)
    need = visit.needs.get(text="村口增设路灯")
    case = actions.need_to_case(need=need, category=lx.category, actor=lx.station_leader)
    assert (case.channel, case.kind, case.place) == ("visit", "help", "甲村")
    assert "王大爷" in case.content
    with pytest.raises(ApplicationError):
        actions.need_to_case(need=need, category=lx.category, actor=lx.station_leader)
    case_actions.case_withdraw(
        case=case, actor=Actor.citizen()
    )  # whatever happens to the case, the diary shows it
    need.refresh_from_db()
    assert need.case.status == "withdrawn"
    with pytest.raises(PermissionDenied):  # only the cadre who met them
        actions.need_to_case(
            need=visit.needs.get(text="清理边沟"), category=lx.category, actor=lx.handler
        )


@pytest.mark.parametrize(
    "change, field",
    [
        ({"day": date(2026, 11, 21)}, "day"),
        ({"met": ""}, "met"),
        ({"kind": "party"}, "kind"),
    ],
)
def test_bad_visits_are_refused(lx, change, field):
    with pytest.raises(ApplicationError) as err:
        record(lx, **change)
    assert err.value.field == field
    assert not Visit.objects.exists()


def test_a_place_outside_the_cadres_units_is_refused(lx):
    with pytest.raises(ApplicationError) as err:
        record(lx, place=lx.school)
    assert "乙校" in str(err.value.message) and not Visit.objects.exists()
    with pytest.raises(ApplicationError):
        actions.contact_point_assign(
            person=lx.people.station_leader, place=lx.school, actor=lx.admin
        )


def test_a_stint_ending_before_it_starts_is_refused(lx):
    with pytest.raises(ApplicationError) as err:
        actions.stint_plan(
            person=lx.people.handler,
            place=lx.village,
            starts_on=date(2026, 12, 10),
            ends_on=date(2026, 12, 1),
            actor=lx.admin,
        )
    assert err.value.field == "ends_on"
    stint = actions.stint_plan(
        person=lx.people.handler,
        place=lx.village,
        starts_on=date(2026, 12, 1),
        ends_on=date(2026, 12, 10),
        actor=lx.admin,
    )
    with pytest.raises(ApplicationError):
        actions.stint_days(stint=stint, days=11, actor=lx.handler)


def test_a_photo_must_be_a_picture(lx):
    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 not a jpeg", content_type="image/jpeg")
    with pytest.raises(ApplicationError) as err:
        record(lx, photo=fake)
    assert err.value.field == "photo" and not Visit.objects.exists()


def test_leaders_check_diaries_of_those_under_them(lx):
    visit = record(lx, place=lx.village, actor=lx.handler)
    with pytest.raises(PermissionDenied):
        actions.visit_review(visit=visit, actor=lx.handler)  # not his own
    with pytest.raises(PermissionDenied):
        actions.visit_review(visit=visit, actor=lx.handler_b)
    actions.visit_review(visit=visit, comment="需求要跟踪", actor=lx.station_leader)
    visit.refresh_from_db()
    assert visit.reviewed_by == lx.people.station_leader


def test_the_clock_reminds_and_flags_an_unvisited_contact_point(lx):
    from lianxin.core.models import Notice

    clock.sweep(at=timezone.make_aware(datetime(2026, 11, 21, 9)))
    assert Notice.objects.filter(recipient=lx.station_leader, title__contains="甲村").count() == 1
    clock.sweep(at=timezone.make_aware(datetime(2026, 12, 1, 0, 30)))
    assert Notice.objects.filter(recipient=lx.leader, title__contains="甲村").exists()
    # A December visit: no reminder on 21 December.
    with clock.frozen_at(timezone.make_aware(datetime(2026, 12, 3, 16))):
        actions.visit_record(
            place=lx.village,
            kind="visit",
            day=date(2026, 12, 3),
            met="村民",
            said="路灯已装好",
            actor=lx.station_leader,
        )
    with clock.frozen_at(timezone.make_aware(datetime(2026, 12, 21, 9))):
        clock.sweep()
    assert Notice.objects.filter(recipient=lx.station_leader, title__contains="甲村").count() == 2

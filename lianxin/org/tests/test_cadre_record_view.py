"""The cadre record page (干部档案): who reads it, who gets 404, its figures as the actions
leave them, and a query count that does not grow with the entries."""

from __future__ import annotations

import re
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import make_person
from lianxin.cases import actions as case_actions
from lianxin.cases import workflow as wf
from lianxin.cases.models import Category, Channel, Kind
from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.discipline import actions as discipline_actions
from lianxin.discipline.models import DisciplineOffice
from lianxin.liaison import actions as liaison_actions
from lianxin.org import actions as org_actions
from lianxin.org.models import Role
from lianxin.partywork import actions as party_actions
from lianxin.rules import actions as rules_actions
from lianxin.rules.models import Regulation

V1 = """测试公路段干部作风规定
第一章 总则
第一条 为加强作风建设，制定本规定。
第二条 不得迟到早退。
"""


@pytest.fixture
def rec(cast):
    """cast plus the two offices, station A's secretary, a colleague of the handler, station
    B's leader, a dispatcher, an inspector and a category; the record's subject is the
    handler of station A (杨承办)."""
    party = org_actions.unit_create(
        name="党建办", kind="office", parent=cast.root, code="t-party", actor=Actor.system()
    )
    party_actions.party_office_set(root=cast.root, unit=party, actor=Actor.system())
    org_actions.organisation_office_set(root=cast.root, unit=cast.office, actor=cast.admin)
    disc = org_actions.unit_create(
        name="纪检室", kind="office", parent=cast.root, code="t-disc", actor=Actor.system()
    )
    DisciplineOffice.objects.create(root=cast.root, unit=disc)
    people = SimpleNamespace(
        officer=make_person("officer", "高党建", party, roles=[(Role.LEADER, party)]),
        personnel=make_person("hr", "组织干事", cast.office, roles=[(Role.HANDLER, cast.office)]),
        clerk=make_person("clerk", "普通科员", cast.office),
        sec_a=make_person(
            "sec_a", "黄书记", cast.station_a, roles=[(Role.SECRETARY, cast.station_a)]
        ),
        colleague=make_person(
            "mate", "朱同事", cast.station_a, roles=[(Role.HANDLER, cast.station_a)]
        ),
        leader_b=make_person(
            "leader_b", "乙站长", cast.station_b, roles=[(Role.LEADER, cast.station_b)]
        ),
        dispatcher=make_person("disp", "孙派单", cast.office, roles=[(Role.DISPATCHER, cast.root)]),
        inspector=make_person("insp", "马纪检", disc, roles=[(Role.INSPECTOR, disc)]),
    )
    place = liaison_actions.place_save(
        unit=cast.station_a, name="甲村", kind="village", actor=cast.admin
    )
    category = Category.objects.create(root=cast.root, name="路面病害")
    ns = SimpleNamespace(**vars(cast))
    ns.more, ns.place, ns.category = people, place, category
    ns.subject = cast.people.handler
    return ns


def url(rec, person=None):
    return reverse("workbench:cadre_record", args=[(person or rec.subject).pk])


def add_entries(rec, n: int) -> None:
    """n of everything on the record, through the actions, in the current year."""
    today = timezone.localdate(clock.now())
    handler = rec.handler
    first = Regulation.objects.filter(root=rec.root).count()
    for i in range(first, first + n):
        visit = liaison_actions.visit_record(
            place=rec.place,
            kind="visit",
            day=today,
            met=f"村民代表{i}",
            said="反映村口路灯不亮。",
            needs=["村口增设路灯"],
            actor=handler,
        )
        if i == 0:
            liaison_actions.visit_review(
                visit=visit, comment="走访扎实。", actor=rec.station_leader
            )
        liaison_actions.stint_plan(
            person=rec.subject,
            place=rec.place,
            starts_on=today,
            ends_on=today + timedelta(days=5),
            actor=rec.admin,
        )
        session = party_actions.session_plan(
            unit=rec.station_a, topic=f"学习会{i}", starts_at=clock.now(), actor=rec.more.sec_a.user
        )
        party_actions.session_record(
            session=session,
            attendance={rec.subject.pk: ("present", "")},
            summary="学习作风规定。",
            actor=rec.more.sec_a.user,
        )
        reg = rules_actions.regulation_create(
            root=rec.root, code=f"reg{i}", title=f"作风规定{i}", actor=rec.admin
        )
        version = rules_actions.version_draft(
            regulation=reg, text=V1, issued_by=rec.office, applies_to=rec.root, actor=rec.admin
        )
        version = rules_actions.version_enforce(version=version, actor=rec.admin)
        rules_actions.version_acknowledge(version=version, actor=handler)
        case, _secret = case_actions.case_receive(
            root=rec.root,
            kind=Kind.COMPLAINT,
            channel=Channel.WEB,
            category=rec.category,
            content=f"青山路K12+30{i}处有一个大坑，晚上骑车很危险。",
            citizen_name="赵市民",
            citizen_phone="13812345678",
            actor=Actor.citizen("web"),
        )
        case = case_actions.case_dispatch(
            case=case, unit=rec.station_a, handler=rec.subject, actor=rec.more.dispatcher.user
        )
        case = case_actions.case_accept(case=case, actor=handler)
        case = case_actions.case_reply(case=case, reply="已修补。", actor=handler)
        case_actions.case_rate(case=case, rating=5 if i else 2, solved=bool(i), actor=wf.CITIZEN)
        discipline_actions.penalty_record(
            root=rec.root,
            person=rec.subject,
            kind="handling",
            measure="criticism",
            category="formalism",
            decided_on=today,
            document_no=f"青纪〔{today.year}〕{i + 1}号",
            reason="群众咨询不理睬。",
            actor=rec.more.inspector.user,
        )


def figure(html: str, name: str) -> str:
    match = re.search(rf'id="fig-{name}">([^<]*)<', html)
    assert match, name
    return match.group(1).strip()


@pytest.mark.parametrize(
    "who",
    ["handler", "station_leader", "leader", "admin", "sec_a", "officer", "personnel"],
)
def test_the_cadre_his_leaders_and_the_two_offices_read_the_record(rec, login, who):
    user = getattr(rec, who, None) or getattr(rec.more, who).user
    page = login(user).get(url(rec))
    assert page.status_code == 200
    assert "杨承办" in page.content.decode()


@pytest.mark.parametrize(
    "who", ["handler_b", "leader_b", "colleague", "clerk", "dispatcher", "inspector", "outsider"]
)
def test_anyone_else_gets_404(rec, login, who):
    """Another station's staff and leader, a colleague without a leading role, a clerk of
    the organisation office without a role on it, a dispatcher, another organisation."""
    user = getattr(rec, who, None) or getattr(rec.more, who).user
    add_entries(rec, 1)
    page = login(user).get(url(rec))
    assert page.status_code == 404
    assert "杨承办" not in page.content.decode()
    assert "村民代表" not in page.content.decode()


def test_a_station_leader_does_not_read_the_organ_leader_record(rec, login):
    assert login(rec.station_leader).get(url(rec, rec.people.leader)).status_code == 404
    assert login(rec.station_leader).get(url(rec, rec.people.station_leader)).status_code == 200


def test_unknown_person_is_404_and_a_login_without_profile_403(rec, login):
    assert login(rec.admin).get(reverse("workbench:cadre_record", args=[99999])).status_code == 404
    assert login(rec.nobody).get(url(rec)).status_code == 403


@pytest.mark.any_hour  # the year and the month are read from the clock
def test_the_figures_are_those_the_actions_left(rec, login):
    liaison_actions.contact_point_assign(
        person=rec.subject, place=rec.place, visits_per_month=4, actor=rec.admin
    )
    add_entries(rec, 3)
    last_year = timezone.localdate(clock.now()).year - 1
    with clock.frozen_at(timezone.make_aware(timezone.datetime(last_year, 3, 10, 10))):
        liaison_actions.visit_record(
            place=rec.place,
            kind="visit",
            day=date(last_year, 3, 10),
            met="去年的走访",
            said="去年的记录。",
            actor=rec.handler,
        )
    html = login(rec.station_leader).get(url(rec)).content.decode()
    assert figure(html, "visits") == "3"
    assert "1 checked by leaders" in html or "领导检查 1 篇" in html
    assert figure(html, "cadence") == "3 / 4"  # assigned this month: one month owed
    assert figure(html, "study") == "3 / 3"
    assert figure(html, "cases") == "3"
    assert "去年的走访" not in html
    assert html.count("作风规定") >= 3
    assert html.count("青纪〔") == 3
    # last year's page shows last year's entry only
    old = login(rec.station_leader).get(url(rec), {"year": last_year}).content.decode()
    assert figure(old, "visits") == "1"
    assert "去年的走访" in old and "青纪〔" not in old


def test_a_year_that_is_not_a_year_shows_this_year(rec, login):
    add_entries(rec, 1)
    for bad in ["abc", "99999", "1800", "-1", str(timezone.localdate(clock.now()).year + 1)]:
        page = login(rec.handler).get(url(rec), {"year": bad})
        assert page.status_code == 200
        assert figure(page.content.decode(), "visits") == "1"


def test_the_query_count_does_not_grow_with_the_entries(rec, login):
    client = login(rec.more.officer.user)
    add_entries(rec, 1)
    client.get(url(rec))  # warm caches (session, content types)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url(rec)).status_code == 200
    add_entries(rec, 4)
    with CaptureQueriesContext(connection) as five:
        page = client.get(url(rec))
    assert figure(page.content.decode(), "visits") == "5"
    assert len(five.captured_queries) == len(one.captured_queries)
    assert len(one.captured_queries) <= 31  # with the menu's routing entries


def test_linked_from_the_staff_list_only_where_it_opens_and_from_the_own_menu(rec, login):
    client = login(rec.station_leader)
    html = client.get(reverse("workbench:people_list")).content.decode()
    assert url(rec) in html  # a cadre of his station
    assert url(rec, rec.people.handler_b) not in html  # another station's
    mine = client.get(reverse("workbench:my_record"))
    assert mine.status_code == 302 and mine["Location"] == url(rec, rec.people.station_leader)
    home = client.get(reverse("workbench:inbox")).content.decode()  # any page: the menu
    assert reverse("workbench:my_record") in home


def test_the_page_prints_and_fits_a_phone(rec, login):
    add_entries(rec, 1)
    html = login(rec.handler).get(url(rec)).content.decode()
    assert "css/record.css" in html
    assert "data-print" in html
    assert 'class="table-responsive"' in html

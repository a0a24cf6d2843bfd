"""The workbench menu: each role sees the modules it may open (the same rule as the page),
every entry shown opens (200), and no link or button on the role's home and menu pages
answers 403 (issue 17: 快速登记 and 导入 were shown to leaders, handlers and station staff)."""

import re
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model

from conftest import make_person
from lianxin.cases import actions as case_actions
from lianxin.cases.models import Category, Channel, Kind
from lianxin.core.actor import Actor
from lianxin.discipline.models import DisciplineOffice
from lianxin.org import actions as org_actions
from lianxin.org.models import Role

pytestmark = pytest.mark.django_db

# Open to every staff member of an organisation (the pages list what he may read).
EVERYONE = {
    "home", "cases", "scorecards", "inspections", "ledger", "diary", "disputes", "services",
    "partywork", "regulations", "inbox", "units", "people",
}  # fmt: skip

EXPECTED = {
    "admin": EVERYONE | {"hotspots", "routing_setup", "calendar"},
    "leader": EVERYONE | {"discipline", "hotspots"},
    "secretary": EVERYONE | {"discipline"},
    "station_leader": EVERYONE,
    "station_secretary": EVERYONE,
    "handler": EVERYONE,
    "operator": EVERYONE,
    "dispatcher": EVERYONE | {"hotspots"},
    "supervisor": EVERYONE | {"hotspots"},
    "inspector": EVERYONE | {"discipline"},
    "superuser": (EVERYONE - {"diary"}) | {"hotspots", "routing_setup", "calendar", "admin"},
}


@pytest.fixture
def roles(cast):
    def person(username, name, unit, role, role_unit):
        return make_person(username, name, unit, roles=[(role, role_unit)]).user

    disc = org_actions.unit_create(
        name="纪检室", kind="office", parent=cast.root, code="t-disc", actor=Actor.system()
    )
    DisciplineOffice.objects.create(root=cast.root, unit=disc)
    users = SimpleNamespace(
        admin=cast.admin,
        leader=cast.leader,
        secretary=person("osec", "李书记", cast.root, Role.SECRETARY, cast.root),
        station_leader=cast.station_leader,
        station_secretary=person("ssec", "黄书记", cast.station_a, Role.SECRETARY, cast.station_a),
        handler=cast.handler,
        operator=person("operator", "钱话务", cast.office, Role.OPERATOR, cast.root),
        dispatcher=person("dispatcher", "孙派单", cast.office, Role.DISPATCHER, cast.root),
        supervisor=person("supervisor", "李督办", cast.office, Role.SUPERVISOR, cast.root),
        inspector=person("inspector", "马纪检", disc, Role.INSPECTOR, disc),
        superuser=get_user_model().objects.create_superuser("root", password="x"),
    )
    road = Category.objects.create(root=cast.root, name="路面病害", default_unit=cast.station_a)
    case, _secret = case_actions.case_receive(
        root=cast.root,
        kind=Kind.COMPLAINT,
        channel=Channel.WEB,
        category=road,
        content="青山路K12+300处有一个大坑，晚上骑车很危险，请尽快修补。",
        place="青山镇青山村村口",
        citizen_name="赵市民",
        citizen_phone="13812345678",
        is_public=True,
        actor=Actor.citizen("web"),
    )
    case_actions.case_dispatch(
        case=case, unit=cast.station_a, handler=cast.people.handler, actor=users.dispatcher
    )
    return users


MENU = re.compile(r'<a class="nav-link[^"]*" href="([^"]+)" data-menu="([a-z_]+)"')
HREF = re.compile(r'href="(/workbench/[^"#]*)"')


def _menu(page: str) -> dict[str, str]:
    return {key: url for url, key in MENU.findall(page)}


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_each_role_sees_what_it_may_open_and_nothing_it_sees_answers_403(roles, login, role):
    client = login(getattr(roles, role))
    home = client.get("/workbench/", follow=True).content.decode()
    menu = _menu(home)
    assert set(menu) == EXPECTED[role]
    pages = [home]
    for key, url in menu.items():
        answer = client.get(url, follow=True)
        assert answer.status_code == 200, (role, key, url)
        pages.append(answer.content.decode())
    # every link on its home and menu pages; one per kind of address (another unit, month
    # or filter asks the same rule)
    links = {
        re.sub(r"\d+", "#", link.split("?")[0]): link.replace("&amp;", "&")
        for page in pages
        for link in HREF.findall(page)
    }
    answers = {link: client.get(link).status_code for link in sorted(links.values())}
    refused = {link: code for link, code in answers.items() if code in (403, 500)}
    assert not refused, (role, refused)


@pytest.mark.parametrize(
    "role", ["leader", "station_leader", "station_secretary", "handler", "supervisor"]
)
def test_no_fast_entry_or_import_button_for_those_who_may_not(roles, login, role):
    page = login(getattr(roles, role)).get("/workbench/cases/").content.decode()
    assert "/workbench/cases/entry/" not in page and "/workbench/imports/" not in page


@pytest.mark.parametrize("role", ["operator", "dispatcher"])
def test_operator_and_dispatcher_have_both_buttons_and_they_open(roles, login, role):
    client = login(getattr(roles, role))
    page = client.get("/workbench/cases/").content.decode()
    for url in ("/workbench/cases/entry/", "/workbench/imports/"):
        assert url in page and client.get(url).status_code == 200

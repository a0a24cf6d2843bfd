"""The party-work cast: a party-building office with one person, the secretaries of the two
stations, set up through actions."""

from types import SimpleNamespace

import pytest

from conftest import _load_cast, make_person, read_anew
from lianxin.core.actor import Actor
from lianxin.org import actions as org_actions
from lianxin.org.models import Role
from lianxin.partywork import actions


@pytest.fixture(scope="module")
def _module_pw(_module_cast, django_db_blocker):
    """The party-work cast made once for a module whose tests share the cast (inside the
    module's rolled-back transaction); None elsewhere."""
    if _module_cast is None:
        yield None
        return
    with django_db_blocker.unblock():
        made = build_pw(_load_cast(_module_cast))
    yield made


@pytest.fixture
def pw(_module_pw, cast):
    """The cast plus the party-building office (高党建) and the two stations' secretaries;
    each test gets its own objects, read anew when the module shares the rows."""
    return build_pw(cast) if _module_pw is None else read_anew(_module_pw)


def build_pw(cast) -> SimpleNamespace:
    party = org_actions.unit_create(
        name="党建办", kind="office", parent=cast.root, code="t-party", actor=Actor.system()
    )
    actions.party_office_set(root=cast.root, unit=party, actor=Actor.system())
    officer = make_person("officer", "高党建", party, roles=[(Role.LEADER, party)])
    sec_a = make_person("sec_a", "黄书记", cast.station_a, roles=[(Role.SECRETARY, cast.station_a)])
    sec_b = make_person("sec_b", "胡书记", cast.station_b, roles=[(Role.SECRETARY, cast.station_b)])
    ns = SimpleNamespace(**vars(cast))
    ns.party, ns.officer, ns.sec_a, ns.sec_b = party, officer.user, sec_a.user, sec_b.user
    ns.people.sec_a, ns.people.sec_b, ns.people.officer = sec_a, sec_b, officer
    return ns

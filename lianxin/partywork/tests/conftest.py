"""The party-work cast: a party-building office with one person, the secretaries of the two
stations, set up through actions."""

from types import SimpleNamespace

import pytest

from conftest import make_person
from lianxin.core.actor import Actor
from lianxin.org import actions as org_actions
from lianxin.org.models import Role
from lianxin.partywork import actions


@pytest.fixture
def pw(cast):
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

"""org.access.holds / has_role_over: a role counts on its unit and every unit below it, never
on a sibling or a unit above; the grants are read once per person object, and a grant or a
revocation through the actions counts at once for that object."""

import pytest

from lianxin.core.actor import Actor
from lianxin.org import access, actions
from lianxin.org.models import Role, RoleGrant

pytestmark = pytest.mark.django_db


def test_a_role_counts_on_its_unit_and_below_only(cast):
    leader, station_leader = cast.people.leader, cast.people.station_leader
    assert access.holds(leader, [Role.LEADER], cast.station_a)  # granted on the organ
    assert access.holds(station_leader, [Role.LEADER], cast.station_a)
    assert not access.holds(station_leader, [Role.LEADER], cast.station_b)  # a sibling
    assert not access.holds(station_leader, [Role.LEADER], cast.root)  # the unit above
    assert not access.holds(station_leader, [Role.ADMIN], cast.station_a)  # another role
    assert not access.has_role_over(cast.outsider, cast.station_a, [Role.LEADER])
    assert not access.has_role_over(cast.nobody, cast.station_a, [Role.LEADER])


def test_the_grants_are_read_once_per_person(cast, django_assert_num_queries):
    person = cast.people.handler
    with django_assert_num_queries(1):
        for unit in (cast.root, cast.station_a, cast.station_b, cast.office):
            access.holds(person, [Role.HANDLER, Role.LEADER], unit)


def test_a_grant_and_a_revocation_count_at_once_for_the_same_object(cast):
    person = cast.people.handler
    assert not access.holds(person, [Role.DISPATCHER], cast.station_a)  # read and kept
    actions.role_grant(person=person, unit=cast.root, role=Role.DISPATCHER, actor=Actor.system())
    assert access.holds(person, [Role.DISPATCHER], cast.station_a)
    grant = RoleGrant.objects.get(person=person, role=Role.DISPATCHER)
    grant.person = person  # the same object, as a page that revokes one's own role holds it
    actions.role_revoke(grant=grant, actor=Actor.system())
    assert not access.holds(person, [Role.DISPATCHER], cast.station_a)

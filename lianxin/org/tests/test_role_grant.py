"""The role_grant and role_revoke actions."""

import pytest

from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError
from lianxin.core.models import AuditEvent
from lianxin.org import actions
from lianxin.org.models import Role, RoleGrant

pytestmark = pytest.mark.django_db


def test_leader_grants_a_role_below_him(cast):
    grant = actions.role_grant(
        person=cast.people.handler_b, unit=cast.station_b, role=Role.SECRETARY, actor=cast.leader
    )
    assert grant.granted_by == cast.leader
    assert AuditEvent.objects.filter(action="role_grant", object_id=str(grant.pk)).exists()


def test_a_role_on_a_unit_the_granter_does_not_govern_is_refused(cast):
    count = RoleGrant.objects.count()
    with pytest.raises(ApplicationError) as err:
        actions.role_grant(
            person=cast.people.handler_b,
            unit=cast.station_b,
            role=Role.HANDLER,
            actor=cast.station_leader,
        )
    assert "不是“乙站”的负责人" in str(err.value.message)
    assert RoleGrant.objects.count() == count


def test_only_an_admin_makes_admins(cast):
    with pytest.raises(ApplicationError):
        actions.role_grant(
            person=cast.people.handler, unit=cast.station_a, role=Role.ADMIN, actor=cast.leader
        )
    actions.role_grant(
        person=cast.people.handler, unit=cast.station_a, role=Role.ADMIN, actor=cast.admin
    )


def test_a_duplicate_grant_is_refused(cast):
    with pytest.raises(ApplicationError) as err:
        actions.role_grant(
            person=cast.people.handler, unit=cast.station_a, role=Role.HANDLER, actor=cast.leader
        )
    assert "已在“甲站”担任" in str(err.value.message)


def test_a_role_for_someone_of_another_organisation_is_refused(cast):
    with pytest.raises(ApplicationError):
        actions.role_grant(
            person=cast.people.outsider, unit=cast.station_a, role=Role.HANDLER, actor=cast.leader
        )


def test_revoke_removes_the_grant(cast):
    grant = RoleGrant.objects.get(person=cast.people.handler, role=Role.HANDLER)
    actions.role_revoke(grant=grant, actor=cast.station_leader)
    assert not RoleGrant.objects.filter(pk=grant.pk).exists()
    assert AuditEvent.objects.filter(action="role_revoke").count() == 1


def test_a_grant_names_who_grants_it_none_is_no_longer_a_pass(cast):
    count = RoleGrant.objects.count()
    with pytest.raises(ApplicationError):  # a handler governs nothing
        actions.role_grant(
            person=cast.people.handler_b, unit=cast.station_b, role=Role.ADMIN, actor=cast.handler
        )
    with pytest.raises(TypeError):  # None once skipped the check
        actions.role_grant(
            person=cast.people.handler_b, unit=cast.station_b, role=Role.ADMIN, actor=None
        )
    assert RoleGrant.objects.count() == count
    grant = actions.role_grant(
        person=cast.people.handler_b, unit=cast.station_b, role=Role.ADMIN, actor=Actor.system()
    )
    assert grant.granted_by is None

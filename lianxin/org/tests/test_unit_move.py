"""The unit_move action: subtrees move whole; cycles and foreign parents are refused."""

import pytest

from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError
from lianxin.core.models import AuditEvent
from lianxin.org import actions, queries
from lianxin.org.models import Unit

pytestmark = pytest.mark.django_db


def test_move_rewrites_the_whole_subtree(cast):
    team = actions.unit_create(
        name="养护一班", kind="office", parent=cast.station_a, actor=Actor.system()
    )
    crew = actions.unit_create(name="机械组", kind="office", parent=team, actor=Actor.system())
    actions.unit_move(unit=team, new_parent=cast.station_b, actor=cast.admin)
    crew.refresh_from_db()
    assert crew.path.startswith(cast.station_b.path) and crew.depth == 3
    assert {u.name for u in queries.units_under(cast.station_b)} == {"乙站", "养护一班", "机械组"}
    assert {u.name for u in queries.units_under(cast.station_a)} == {"甲站"}
    assert AuditEvent.objects.filter(action="unit_move").count() == 1


def test_moving_a_unit_under_its_own_descendant_is_refused(cast):
    team = actions.unit_create(
        name="养护一班", kind="office", parent=cast.station_a, actor=Actor.system()
    )
    before = list(Unit.objects.values_list("pk", "path", "parent_id"))
    with pytest.raises(ApplicationError) as err:
        actions.unit_move(unit=cast.station_a, new_parent=team, actor=cast.admin)
    assert "不能移到它自己" in str(err.value.message)
    with pytest.raises(ApplicationError):
        actions.unit_move(unit=cast.station_a, new_parent=cast.station_a, actor=cast.admin)
    assert list(Unit.objects.values_list("pk", "path", "parent_id")) == before


def test_moving_to_another_organisation_is_refused(cast):
    with pytest.raises(ApplicationError):
        actions.unit_move(unit=cast.station_a, new_parent=cast.other, actor=Actor.system())


def test_a_station_leader_cannot_move_units_he_does_not_govern(cast):
    with pytest.raises(ApplicationError) as err:
        actions.unit_move(unit=cast.station_b, new_parent=cast.station_a, actor=cast.station_leader)
    assert err.value.code == "forbidden"
    cast.station_b.refresh_from_db()
    assert cast.station_b.parent_id == cast.root.pk

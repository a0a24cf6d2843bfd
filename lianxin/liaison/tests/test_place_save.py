"""place_save: a place is added by whoever governs its unit, or by the system (the demo); an
ordinary handler is refused, and so is an action that names nobody."""

import pytest
from django.core.exceptions import PermissionDenied

from lianxin.core.actor import Actor
from lianxin.liaison import actions
from lianxin.liaison.models import Place


def test_a_place_is_saved_by_a_governor_of_its_unit_or_the_system_only(cast):
    with pytest.raises(PermissionDenied):  # a handler of the station governs nothing
        actions.place_save(unit=cast.station_a, name="甲村", kind="village", actor=cast.handler)
    with pytest.raises(TypeError):  # None once skipped the check
        actions.place_save(unit=cast.station_a, name="甲村", kind="village", actor=None)
    assert not Place.objects.exists()
    by_leader = actions.place_save(
        unit=cast.station_a, name="甲村", kind="village", actor=cast.station_leader
    )
    by_system = actions.place_save(
        unit=cast.station_b, name="乙校", kind="school", actor=Actor.system("demo")
    )
    assert {p.name for p in Place.objects.all()} == {by_leader.name, by_system.name}

"""regulation_create: an administrator of the organisation adds a regulation, or the system
(the demo); an ordinary cadre is refused, and so is an action that names nobody."""

import pytest
from django.core.exceptions import PermissionDenied

from lianxin.core.actor import Actor
from lianxin.rules import actions
from lianxin.rules.models import Regulation


def test_a_regulation_is_created_by_an_administrator_or_the_system_only(cast):
    with pytest.raises(PermissionDenied):  # a station leader does not manage the rules
        actions.regulation_create(
            root=cast.root, code="zuofeng", title="作风规定", actor=cast.station_leader
        )
    with pytest.raises(TypeError):  # None once skipped the check
        actions.regulation_create(root=cast.root, code="zuofeng", title="作风规定", actor=None)
    assert not Regulation.objects.exists()
    actions.regulation_create(root=cast.root, code="zuofeng", title="作风规定", actor=cast.admin)
    actions.regulation_create(
        root=cast.root, code="lianzheng", title="廉政规定", actor=Actor.system("demo")
    )
    assert set(Regulation.objects.values_list("code", flat=True)) == {"zuofeng", "lianzheng"}

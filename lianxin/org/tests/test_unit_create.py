"""The unit_create action."""

import pytest

from lianxin.core.errors import ApplicationError
from lianxin.core.models import AuditEvent
from lianxin.org import actions

pytestmark = pytest.mark.django_db


def test_create_under_a_parent_sets_path_depth_and_audit(cast):
    unit = actions.unit_create(
        name=" 城关 公路站 ",
        kind="station",
        parent=cast.root,
        code="cg",
        phone="0571-86602100",
        actor=cast.leader,
    )
    assert unit.name == "城关 公路站"
    assert unit.path == f"{cast.root.path}{unit.pk:08d}." and unit.depth == 1
    event = AuditEvent.objects.get(action="unit_create", object_id=str(unit.pk))
    assert event.actor == cast.leader and event.after["name"] == "城关 公路站"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": "   "}, "name"),
        ({"kind": "village"}, "kind"),
        ({"code": "t-a"}, "code"),
        ({"phone": "12345"}, "phone"),
    ],
)
def test_bad_input_is_refused(cast, kwargs, field):
    count = AuditEvent.objects.count()
    args = {"name": "新站", "kind": "station", "parent": cast.root, "actor": cast.leader} | kwargs
    with pytest.raises(ApplicationError) as err:
        actions.unit_create(**args)
    assert err.value.field == field
    assert AuditEvent.objects.count() == count


def test_a_handler_cannot_create_units(cast):
    with pytest.raises(ApplicationError) as err:
        actions.unit_create(name="新站", kind="station", parent=cast.station_a, actor=cast.handler)
    assert err.value.code == "forbidden"


def test_only_superusers_create_organisations(cast):
    with pytest.raises(ApplicationError):
        actions.unit_create(name="新县", kind="organ", parent=None, actor=cast.admin)

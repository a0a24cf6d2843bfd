"""conftest's cast made once for a module (`_module_cast`): what one test changes is gone
for the next, and each test gets its own objects (the tests of this module run in order)."""

from lianxin.core.actor import Actor
from lianxin.org import actions
from lianxin.org.models import Person, Unit


def test_a_test_changes_the_cast_and_the_database(cast):
    cast.people.handler.name = "改了的名字"
    cast.people.handler.save()
    cast.handler._lx_home_root = "cached on the object"
    actions.unit_create(
        name="丙站", kind="station", parent=cast.root, code="t-c", actor=Actor.system()
    )
    assert Unit.objects.filter(code="t-c").exists()


def test_the_next_test_sees_none_of_it(cast):
    assert Person.objects.get(pk=cast.people.handler.pk).name == "杨承办"
    assert cast.people.handler.name == "杨承办"
    assert not hasattr(cast.handler, "_lx_home_root")
    assert not Unit.objects.filter(code="t-c").exists()

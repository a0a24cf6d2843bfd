"""Contact-work cast: a place of station A (the station leader's contact point), a place of
station B, a category for needs."""

from types import SimpleNamespace

import pytest

from lianxin.cases.models import Category
from lianxin.liaison import actions


@pytest.fixture
def lx(cast):
    village = actions.place_save(unit=cast.station_a, name="甲村", kind="village", actor=cast.admin)
    school = actions.place_save(unit=cast.station_b, name="乙校", kind="school", actor=cast.admin)
    point = actions.contact_point_assign(
        person=cast.people.station_leader, place=village, actor=cast.admin
    )
    category = Category.objects.create(root=cast.root, name="路面病害")
    ns = SimpleNamespace(**vars(cast))
    ns.village, ns.school, ns.point, ns.category = village, school, point, category
    return ns

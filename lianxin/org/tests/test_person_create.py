"""The person_create and person_update actions."""

import pytest

from lianxin.core.errors import ApplicationError
from lianxin.org import actions
from lianxin.org.models import Person

pytestmark = pytest.mark.django_db


def test_create_makes_a_login_and_a_person(cast):
    person = actions.person_create(
        username="lisi",
        name="李四",
        unit=cast.station_a,
        position="养护工",
        phone="138 1234 5678",
        actor=cast.leader,
    )
    assert person.user.username == "lisi" and person.phone == "13812345678"
    assert not person.user.has_usable_password()


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"phone": "1381234567"}, "phone", "不是有效的电话号码"),
        ({"phone": "23812345678"}, "phone", "不是有效的电话号码"),
        ({"username": "handler"}, "username", "已被占用"),
        ({"username": "bad name!"}, "username", "只能包含字母"),
        ({"name": "杨承办", "phone": "13900000002"}, "name", "已经登记过了"),
    ],
)
def test_bad_or_duplicate_people_are_refused(cast, kwargs, field, words):
    count = Person.objects.count()
    args = {"username": "new", "name": "新人", "unit": cast.station_a, "actor": cast.leader}
    with pytest.raises(ApplicationError) as err:
        actions.person_create(**(args | kwargs))
    assert err.value.field == field and words in str(err.value.message)
    assert Person.objects.count() == count


def test_a_landline_is_accepted(cast):
    person = actions.person_create(
        username="desk", name="值班室", unit=cast.office, phone="0571-86601200", actor=cast.admin
    )
    assert person.phone == "0571-86601200"


def test_station_leader_cannot_add_people_to_another_station(cast):
    with pytest.raises(ApplicationError) as err:
        actions.person_create(
            username="x", name="某某", unit=cast.station_b, actor=cast.station_leader
        )
    assert err.value.code == "forbidden"


def test_deactivating_a_person_ends_his_login(cast):
    person = cast.people.handler
    actions.person_update(
        person=person,
        name=person.name,
        unit=person.unit,
        is_active=False,
        actor=cast.station_leader,
    )
    person.user.refresh_from_db()
    assert not person.user.is_active

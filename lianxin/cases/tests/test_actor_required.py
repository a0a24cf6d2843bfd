"""Every case step says who takes it: `None` is refused before anything changes (it once
meant "skip the check"); the citizen and the clock act as themselves, with their own roles."""

import pytest
from django.core.exceptions import PermissionDenied

from lianxin.cases import actions
from lianxin.cases.models import Case
from lianxin.core.actor import Actor, as_actor


def test_a_step_without_an_actor_is_refused_and_changes_nothing(cc, make_case):
    case = make_case("dispatched")
    with pytest.raises(TypeError):
        actions.case_accept(case=case, actor=None)
    with pytest.raises(TypeError):
        actions.category_save(root=cc.root, name="无人", actor=None)
    assert Case.objects.get(pk=case.pk).status == "dispatched"


def test_the_citizen_and_the_clock_have_only_their_own_roles(cc, make_case):
    case = make_case("dispatched")
    for who in (Actor.citizen("portal"), Actor.system("clock")):
        with pytest.raises(PermissionDenied):
            actions.case_accept(case=case, actor=who)
    actions.case_remind(case=case, actor=Actor.system("clock"))
    case = actions.case_accept(case=case, actor=Actor.user(cc.handler))
    assert case.status == "in_progress"
    [event] = [e for e in case.events.all() if e.action == "remind"]
    assert event.actor_label == "system" and event.actor_id is None


def test_an_actor_is_a_login_the_citizen_or_the_system(cc):
    assert as_actor(cc.handler) == Actor.user(cc.handler)
    assert as_actor("citizen").is_citizen and as_actor("system").is_system
    with pytest.raises(TypeError):
        as_actor(None)
    with pytest.raises(ValueError):
        Actor("user")  # a user actor without its login

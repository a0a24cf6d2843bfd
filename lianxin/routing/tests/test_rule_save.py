"""rule_save: an administrator of the organisation sets a keyword rule, or the system (the
demo); a dispatcher is refused, and so is an action that names nobody."""

import pytest
from django.core.exceptions import PermissionDenied

from lianxin.core.actor import Actor
from lianxin.routing import actions
from lianxin.routing.models import KeywordRule


def test_a_keyword_rule_is_saved_by_an_administrator_or_the_system_only(cc):
    kw = dict(root=cc.root, keyword="大坑", unit=cc.station_a)
    with pytest.raises(PermissionDenied):  # the dispatcher uses the rules, does not set them
        actions.rule_save(**kw, actor=cc.dispatcher)
    with pytest.raises(TypeError):  # None once skipped the check
        actions.rule_save(**kw, actor=None)
    assert not KeywordRule.objects.exists()
    actions.rule_save(**kw, actor=cc.admin)
    actions.rule_save(root=cc.root, keyword="路灯", unit=cc.station_b, actor=Actor.system("demo"))
    assert set(KeywordRule.objects.values_list("keyword", flat=True)) == {"大坑", "路灯"}

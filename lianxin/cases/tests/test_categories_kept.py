"""The categories in use are read once per process and kept (cases/categories.py): a case
received with a kept category takes no query for it; a category taken out of use through the
setup action is refused at once by the process that changed it; one changed elsewhere (another
process) within the kept copy's TTL; a change that rolled back is not kept; a category the
kept copy does not know is looked up, never refused unseen."""

import pytest
from django.db import transaction

from lianxin.cases import actions, categories
from lianxin.cases.models import Case, Category
from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError

from .conftest import receive

pytestmark = pytest.mark.django_db(transaction=True)


def _take_out_of_use(cc, category, *, active=False):
    return actions.category_save(
        root=cc.root, category=category, name=category.name, is_active=active, actor=Actor.system()
    )


def _refused(cc, category) -> bool:
    try:
        receive(cc, category=category)
    except ApplicationError as err:
        assert err.field == "category"
        return True
    return False


def test_a_kept_category_takes_no_query(cc, django_assert_num_queries):
    receive(cc, category=cc.road)  # read and kept
    with django_assert_num_queries(0):
        found = categories.active_category(cc.root.pk, cc.road.pk)
    assert found is not None and found.name == cc.road.name
    found.name = "changed by the caller"  # a copy: the kept one is not changed
    assert categories.active_category(cc.root.pk, cc.road.pk).name == cc.road.name


def test_a_category_taken_out_of_use_is_refused_at_once_in_this_process(cc):
    receive(cc, category=cc.road)  # kept
    _take_out_of_use(cc, cc.road)
    assert _refused(cc, cc.road)
    _take_out_of_use(cc, cc.road, active=True)
    assert not _refused(cc, cc.road)


def test_a_change_made_elsewhere_counts_within_the_ttl(cc, monkeypatch):
    receive(cc, category=cc.road)  # kept
    # another process takes it out of use: this process's kept copy does not hear of it
    Category.objects.filter(pk=cc.road.pk).update(is_active=False)
    assert not _refused(cc, cc.road)  # within the TTL the kept copy counts
    monkeypatch.setattr(categories._kept, "ttl", 0.0)  # the TTL has passed
    assert _refused(cc, cc.road)


def test_a_change_that_rolled_back_is_not_kept(cc):
    _take_out_of_use(cc, cc.fee)
    assert _refused(cc, cc.fee)
    with pytest.raises(RuntimeError), transaction.atomic():
        _take_out_of_use(cc, cc.fee, active=True)
        receive(cc, category=cc.fee)  # inside its transaction the category is in use
        raise RuntimeError("the form's other half failed")
    assert _refused(cc, cc.fee)
    assert not Case.objects.filter(category=cc.fee).exists()


def test_a_category_made_after_the_copy_was_kept_is_found(cc):
    receive(cc, category=cc.road)  # the organisation's categories kept
    new = Category.objects.create(root=cc.root, name="桥梁隧道")  # as another process would
    case, _secret = receive(cc, category=new)
    assert case.category_id == new.pk


def test_another_organisations_category_is_refused_even_when_kept(cc):
    receive(cc, category=cc.road)
    assert categories.active_category(cc.other.pk, cc.other_cat.pk) is not None  # kept there
    assert _refused(cc, cc.other_cat)

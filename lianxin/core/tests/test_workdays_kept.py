"""The calendar is read once per process and kept: a change is counted with at once by the
process that made it, and a change that rolled back is not kept."""

from datetime import date

import pytest
from django.db import transaction

from lianxin.core import workdays
from lianxin.core.actions import workday_override_set
from lianxin.core.actor import Actor

pytestmark = pytest.mark.django_db(transaction=True)

SATURDAY = date(2027, 3, 6)


def test_the_calendar_is_read_once_for_many_counts(django_assert_num_queries):
    with django_assert_num_queries(1):
        for n in range(1, 30):
            workdays.add_workdays(date(2027, 3, 1), n)
        workdays.workdays_between(date(2027, 1, 1), date(2027, 12, 31))


def test_a_committed_override_counts_at_once_in_the_process_that_set_it():
    assert not workdays.is_workday(SATURDAY)  # read and kept
    workday_override_set(day=SATURDAY, kind="workday", note="调休", actor=Actor.system())
    assert workdays.is_workday(SATURDAY)
    assert workdays.add_workdays(date(2027, 3, 5), 1) == SATURDAY


def test_an_override_that_rolled_back_is_not_kept():
    assert not workdays.is_workday(SATURDAY)
    with pytest.raises(RuntimeError), transaction.atomic():
        workday_override_set(day=SATURDAY, kind="workday", actor=Actor.system())
        assert workdays.is_workday(SATURDAY)  # inside its transaction it counts
        raise RuntimeError("the form's other half failed")
    assert not workdays.is_workday(SATURDAY)

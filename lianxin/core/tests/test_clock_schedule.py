"""`clock.schedule`: a due item is put on the clock once per object; moving it to a time
still ahead makes it due again (its reminder, escalation and done mark cleared), moving it
to a time already past keeps what happened; two statements for a new item, one for a move."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lianxin.core import clock
from lianxin.core.models import DueItem

pytestmark = pytest.mark.django_db


def test_a_new_item_then_a_move_ahead_makes_it_due_again():
    now = clock.now()
    with CaptureQueriesContext(connection) as new:
        clock.schedule("test.schedule", 7, now + timedelta(days=1), now + timedelta(days=2))
    item = DueItem.objects.get(kind="test.schedule", object_id="7")
    assert (item.due_at, item.escalate_at) == (now + timedelta(days=1), now + timedelta(days=2))
    DueItem.objects.filter(pk=item.pk).update(reminded_at=now, escalated_at=now, done_at=now)
    with CaptureQueriesContext(connection) as moved:
        clock.schedule("test.schedule", 7, now + timedelta(days=3), now + timedelta(days=4))
    item.refresh_from_db()
    assert item.due_at == now + timedelta(days=3) and item.escalate_at == now + timedelta(days=4)
    assert item.reminded_at is None and item.escalated_at is None and item.done_at is None
    assert DueItem.objects.filter(kind="test.schedule").count() == 1
    assert (len(new), len(moved)) == (2, 1)


def test_a_move_to_a_time_already_past_keeps_the_reminder_and_escalation():
    now = clock.now()
    clock.schedule("test.schedule", 8, now - timedelta(days=2), now - timedelta(days=1))
    DueItem.objects.filter(object_id="8").update(reminded_at=now, escalated_at=now, done_at=now)
    clock.schedule("test.schedule", 8, now - timedelta(hours=1), None)
    item = DueItem.objects.get(kind="test.schedule", object_id="8")
    assert item.reminded_at == now and item.escalated_at == now
    assert item.done_at is None and item.escalate_at is None

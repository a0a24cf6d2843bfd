"""`clock.sweep` in batches: a handler for many items does a whole batch in bulk writes;
if it fails its writes are undone and the items go one by one; a batch whose transaction
fails is undone alone (the batches before it stay, the next sweep does it once); two
clocks sweeping together handle each item once."""

from datetime import timedelta

import pytest

from conftest import run_at_once
from lianxin.core import clock
from lianxin.core.models import DueItem, Notice, User

KIND = "test.batch"


@pytest.fixture
def recorder(db):
    """A kind whose handlers leave one inbox notice per item ("bad" items fail)."""
    user = User.objects.create(username="clock-test")
    calls = {"many": 0}

    def one(item):
        Notice.objects.create(recipient=user, title=item.object_id)
        if item.object_id.startswith("bad"):
            raise RuntimeError("broken item")

    def many(items):
        calls["many"] += 1
        Notice.objects.bulk_create([Notice(recipient=user, title=i.object_id) for i in items])
        if any(i.object_id.startswith("bad") for i in items):
            raise RuntimeError("broken batch")

    clock.register(KIND, on_due=one, on_due_many=many)
    yield calls
    clock._handlers.pop(KIND, None)


def _items(names):
    start = clock.now() - timedelta(hours=len(names))
    for n, name in enumerate(names):
        clock.schedule(KIND, name, start + timedelta(minutes=n))


def _titles():
    return sorted(Notice.objects.values_list("title", flat=True))


def test_a_batch_handler_does_the_batch_and_a_failed_one_is_redone_one_by_one(recorder):
    _items(["a", "b", "bad", "c"])
    counts = clock.sweep(batch=2)
    assert counts["reminded"] == 4
    assert recorder["many"] == 2
    # batch [a, b] in bulk; batch [bad, c] undone, then c alone (bad's own write undone)
    assert _titles() == ["a", "b", "c"]
    assert clock.sweep(batch=2)["reminded"] == 0  # each once


def test_a_batch_that_fails_undoes_itself_only(recorder, monkeypatch):
    _items(["a", "b", "c", "d"])
    real_mark = clock._mark
    marks = {"n": 0}

    def failing_mark(ids, field, at):
        marks["n"] += 1
        if marks["n"] == 2:
            raise RuntimeError("database went away")
        real_mark(ids, field, at)

    monkeypatch.setattr(clock, "_mark", failing_mark)
    with pytest.raises(RuntimeError):
        clock.sweep(batch=2)
    assert _titles() == ["a", "b"]  # the first batch stays, the second left nothing
    assert DueItem.objects.filter(kind=KIND, reminded_at__isnull=False).count() == 2
    monkeypatch.setattr(clock, "_mark", real_mark)
    assert clock.sweep(batch=2)["reminded"] == 2
    assert _titles() == ["a", "b", "c", "d"]


@pytest.mark.django_db(transaction=True)
def test_two_clocks_sweeping_together_handle_each_item_once(recorder):
    """PostgreSQL: each clock skips the rows the other has locked (SKIP LOCKED). SQLite: the
    batches' write transactions (IMMEDIATE) take turns, and each reads what is left."""
    names = [f"item{n:03d}" for n in range(60)]
    _items(names)
    results = run_at_once(lambda: clock.sweep(batch=7))
    assert sum(r["reminded"] for r in results) == 60
    assert _titles() == names  # each item's notice once

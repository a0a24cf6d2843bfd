"""core.kept: a value read once is kept per key until `ttl` seconds have passed (then another
process's change is read), dropped at once by the writing action, and not kept while that
action's transaction is open."""

import pytest
from django.db import transaction

from lianxin.core import kept as kept_module
from lianxin.core.kept import Kept


class Source:
    def __init__(self):
        self.value, self.reads = "v1", 0

    def read(self):
        self.reads += 1
        return self.value


def test_kept_per_key_until_the_ttl_passes(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(kept_module.time, "monotonic", lambda: now[0])
    box, source = Kept(ttl=30), Source()
    assert box.get("a", source.read) == "v1" and box.get("a", source.read) == "v1"
    assert source.reads == 1
    box.get("b", source.read)
    assert source.reads == 2  # another key is read on its own
    source.value = "v2"  # written by another process
    now[0] += 29
    assert box.get("a", source.read) == "v1"
    now[0] += 2
    assert box.get("a", source.read) == "v2"


@pytest.mark.django_db(transaction=True)
def test_a_change_is_read_at_once_and_not_kept_until_it_commits():
    box, source = Kept(ttl=30), Source()
    box.get("a", source.read)
    with transaction.atomic():
        box.changed("a")
        source.value = "v2"
        assert box.get("a", source.read) == "v2"
        assert box.get("a", source.read) == "v2" and source.reads == 3  # not kept meanwhile
    assert box.get("a", source.read) == "v2" and source.reads == 4  # kept once committed
    assert box.get("a", source.read) == "v2" and source.reads == 4

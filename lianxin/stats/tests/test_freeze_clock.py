"""The clock freezes last month on its 5th working day after the month's end, once."""

from lianxin.core import clock
from lianxin.stats.models import Snapshot

from .conftest import NOVEMBER, at


def _sweep(*args):
    with clock.frozen_at(at(*args)):
        clock.sweep()


def test_the_clock_freezes_the_month_on_its_fifth_working_day_once(november):
    # November 2026 ends on Monday the 30th; its 5th working day after is Monday 7 December,
    # frozen at that day's end (after the monthly report's deadline).
    _sweep(2026, 12, 7, 18)
    assert not Snapshot.objects.exists()
    _sweep(2026, 12, 8, 0, 5)
    snap = Snapshot.objects.get(root=november.root)
    assert snap.month == NOVEMBER and snap.is_current and snap.computed_by is None
    _sweep(2026, 12, 8, 0, 10)
    _sweep(2026, 12, 9, 9)
    # One snapshot per organisation, each with its own cases only.
    assert sorted(Snapshot.objects.values_list("root_id", flat=True)) == sorted(
        [november.root.pk, november.other.pk]
    )
    other = Snapshot.objects.get(root=november.other)
    assert other.data["organisation"]["received"] == 1

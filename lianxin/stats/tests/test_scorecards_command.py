"""`lianxin scorecards freeze YYYY-MM`."""

import pytest
from django.core.management import CommandError, call_command

from lianxin.core import clock
from lianxin.stats.models import Snapshot

from .conftest import at


def test_the_command_freezes_a_month_and_recomputes_only_with_a_reason(november, capsys):
    with clock.frozen_at(at(2026, 12, 2, 9)):
        call_command("scorecards", "freeze", "2026-11", org="t-root")
        assert "2026-11" in capsys.readouterr().out
        with pytest.raises(CommandError, match="理由"):
            call_command("scorecards", "freeze", "2026-11", org="t-root")
        call_command("scorecards", "freeze", "2026-11", org="t-root", reason="更正回访记录")
    assert Snapshot.objects.filter(root=november.root).count() == 2


@pytest.mark.parametrize("month", ["2026-13", "11/2026", "", "2026-12"])
def test_bad_or_unended_months_are_refused(november, month):
    with clock.frozen_at(at(2026, 12, 2, 9)), pytest.raises(CommandError):
        call_command("scorecards", "freeze", month)
    assert not Snapshot.objects.exists()


def test_an_unknown_organisation_is_refused(november):
    with clock.frozen_at(at(2026, 12, 2, 9)), pytest.raises(CommandError):
        call_command("scorecards", "freeze", "2026-11", org="nowhere")

"""`lianxin clock --once`: one sweep from the command line."""

from datetime import timedelta

from django.core.management import call_command

from lianxin.core import clock


def test_clock_once_reminds_the_overdue_case(cc, make_case, capsys):
    case = make_case("in_progress")
    clock.sweep(at=case.reply_due - timedelta(hours=1))  # the warning the day before
    with clock.frozen_at(case.reply_due + timedelta(minutes=5)):
        call_command("clock", "--once")
    assert "reminded 1" in capsys.readouterr().out
    assert case.events.filter(action="remind").count() == 1

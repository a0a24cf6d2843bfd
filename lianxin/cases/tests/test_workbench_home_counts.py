"""The workbench home shows each user the numbers of his own work."""

from datetime import timedelta

import pytest

from lianxin.core import clock

# Dates here follow the wall clock: also run at midnight in Beijing, a month end, a holiday.
pytestmark = pytest.mark.any_hour


def work(response) -> dict:
    """The counters of the cases panel on the plain home (core.homes' panels)."""
    return dict(response.context["panels"])["cases/_home_work.html"]["work"]


def test_handler_and_dispatcher_see_their_counts(cc, make_case, login):
    mine = make_case("in_progress")
    make_case("received")
    with clock.frozen_at(mine.reply_due + timedelta(hours=1)):
        handler = login(cc.handler).get("/workbench/?all=1")
        assert work(handler) == {"mine": 1, "incoming": 0, "review": 0, "overdue": 1}
    dispatcher = login(cc.dispatcher).get("/workbench/?all=1")
    assert work(dispatcher)["incoming"] == 1
    assert "待派单" in dispatcher.content.decode()

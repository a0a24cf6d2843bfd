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


def test_a_count_past_the_cap_shows_the_cap_and_says_it_stopped_counting(
    cc, make_case, login, monkeypatch
):
    from lianxin.cases import queries

    monkeypatch.setattr(queries, "COUNT_CAP", 2)
    for _ in range(3):
        make_case("received")
    response = login(cc.dispatcher).get("/workbench/?all=1")
    assert work(response)["incoming"] == 3  # counting stopped at the cap + 1
    html = response.content.decode()
    assert ">2+</span>" in html and "只数到2件" in html
    make_case("in_progress")
    assert "只数到" not in login(cc.handler).get("/workbench/?all=1").content.decode()


def test_a_pending_extension_is_counted_and_listed_to_decide(cc, make_case, login):
    from lianxin.cases import actions

    asked = make_case("in_progress")
    make_case("in_progress")
    actions.case_request_extension(case=asked, workdays=3, reason="需协调交警", actor=cc.handler)
    client = login(cc.dispatcher)
    assert work(client.get("/workbench/?all=1"))["review"] == 1
    listed = client.get("/workbench/cases/", {"tab": "review"}).context["page"]
    assert [c.code for c in listed] == [asked.code]  # not the other case at work

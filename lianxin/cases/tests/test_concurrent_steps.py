"""Two staff take a step on the same case at the same moment: one wins, the other is told
that the case changed and to reload (two database connections, on both databases)."""

import threading
import time

import pytest
from django.db import connection

from lianxin.cases import actions, timeline
from lianxin.cases.models import Case
from lianxin.core.errors import ApplicationError


@pytest.mark.django_db(transaction=True)
def test_two_dispatchers_at_once_one_wins_the_other_must_reload(cc, make_case, monkeypatch):
    case = make_case("received")
    seen = case.version
    slow_add_event = timeline.add_event

    def add_event_slowly(*args, **kwargs):
        time.sleep(0.3)  # hold the row lock while the other connection arrives
        return slow_add_event(*args, **kwargs)

    monkeypatch.setattr("lianxin.cases.actions.base.add_event", add_event_slowly)
    monkeypatch.setattr("lianxin.cases.actions.base.add_event", add_event_slowly)
    barrier = threading.Barrier(2)
    outcomes = {}

    def dispatch(unit):
        try:
            barrier.wait()
            actions.case_dispatch(case=case, unit=unit, actor=cc.dispatcher, version=seen)
            outcomes[unit.name] = "ok"
        except ApplicationError as err:
            outcomes[unit.name] = err.code
        finally:
            connection.close()

    threads = [threading.Thread(target=dispatch, args=(u,)) for u in (cc.station_a, cc.station_b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes.values()) == ["ok", "stale"]
    case = Case.objects.get(pk=case.pk)
    winner = next(name for name, outcome in outcomes.items() if outcome == "ok")
    assert case.lead_unit.name == winner and case.version == seen + 1
    assert list(case.events.values_list("action", flat=True)) == ["receive", "dispatch"]

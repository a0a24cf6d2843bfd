"""Closing with an agreement numbers it in the mediating unit's sequence of the year
(路政科调〔2026〕3号), also when mediators close at the same moment; other outcomes take no
number."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from django.db import connection
from django.utils import timezone

from lianxin.core import clock
from lianxin.mediation import actions
from lianxin.mediation.models import Dispute

NOW = timezone.make_aware(datetime(2026, 11, 20, 10))
NEXT_YEAR = timezone.make_aware(datetime(2027, 1, 5, 10))


def ready(cast, unit=None, mediator=None, subject="占地补偿纠纷"):
    """A dispute of the unit with two parties and a session, ready to close."""
    unit = unit or cast.station_a
    mediator = mediator or cast.people.station_leader
    with clock.frozen_at(NOW):
        d = actions.dispute_open(
            unit=unit,
            subject=subject,
            category="land",
            description="村民称边沟改造占用承包地",
            mediator=mediator,
            parties=[{"name": "李某"}, {"name": "青山建工集团", "kind": "organisation"}],
            actor=mediator.user,
        )
        actions.session_add(
            dispute=d,
            day=NOW.date(),
            place="村委会",
            attendees="双方",
            notes="协商一致",
            actor=mediator.user,
        )
    return d


def close(d, at=NOW, outcome="success"):
    with clock.frozen_at(at):
        return actions.dispute_close(
            dispute=d,
            outcome=outcome,
            agreement="补偿八千元" if outcome == "success" else "",
            transfer_to="河口镇人民调解委员会" if outcome == "transferred" else "",
            actor=d.mediator.user,
        )


def test_agreements_are_numbered_per_unit_and_year(cast):
    first, second = ready(cast), ready(cast)
    failed = ready(cast)
    organ = ready(cast, unit=cast.root, mediator=cast.people.leader)
    assert close(first).agreement_code == "甲站调〔2026〕1号"
    assert close(failed, outcome="failed").agreement_no is None
    assert close(second).agreement_code == "甲站调〔2026〕2号"
    assert close(organ).agreement_code == "测试公路段调〔2026〕1号"  # its own sequence
    january = ready(cast)
    assert close(january, at=NEXT_YEAR).agreement_code == "甲站调〔2027〕1号"  # a new year


def test_a_second_close_is_refused_and_takes_no_number(cast):
    d = ready(cast)
    close(d)
    stale = Dispute.objects.get(pk=d.pk)
    stale.closed_at = None  # a page opened before the first close
    with pytest.raises(actions.ApplicationError):
        close(stale)
    assert Dispute.objects.get(pk=d.pk).agreement_no == 1


@pytest.mark.django_db(transaction=True)
def test_mediators_closing_at_once_get_distinct_numbers(cast):
    disputes = [ready(cast, subject=f"纠纷{i}") for i in range(6)]
    errors = []
    start = threading.Barrier(len(disputes))

    def run(d):
        try:
            start.wait()
            close(Dispute.objects.get(pk=d.pk))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(d,)) for d in disputes]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    numbers = sorted(Dispute.objects.values_list("agreement_no", flat=True))
    assert numbers == [1, 2, 3, 4, 5, 6]

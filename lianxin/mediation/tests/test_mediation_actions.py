"""Mediation: from a case or on its own; sessions; an agreement needs two parties; the outcome
reports back to the case; the follow-up on the clock; who sees the parties' contacts."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from lianxin.cases.models import Category
from lianxin.cases.tests.conftest import receive
from lianxin.core import clock
from lianxin.core.errors import ApplicationError
from lianxin.core.models import Notice
from lianxin.mediation import actions
from lianxin.mediation.models import Dispute

NOW = timezone.make_aware(datetime(2026, 11, 20, 10))


def open_dispute(cast, parties=None, **kw):
    args = dict(
        unit=cast.station_a,
        subject="施工占地补偿纠纷",
        category="land",
        description="村民称边沟改造占用承包地",
        mediator=cast.people.station_leader,
        parties=parties
        if parties is not None
        else [
            {"name": "李某", "contact": "13905710001"},
            {"name": "青山建工集团", "kind": "organisation"},
        ],
        actor=cast.station_leader,
    )
    args.update(kw)
    return actions.dispute_open(**args)


def test_an_agreement_without_parties_is_refused(cast):
    with clock.frozen_at(NOW):
        d = open_dispute(cast, parties=[{"name": "李某"}])
        with pytest.raises(ApplicationError):  # no session yet
            actions.dispute_close(
                dispute=d, outcome="success", agreement="补偿八千元", actor=cast.station_leader
            )
        actions.session_add(
            dispute=d,
            day=NOW.date(),
            place="村委会",
            attendees="双方",
            notes="协商",
            actor=cast.station_leader,
        )
        with pytest.raises(ApplicationError) as err:
            actions.dispute_close(
                dispute=d, outcome="success", agreement="补偿八千元", actor=cast.station_leader
            )
    assert "两方当事人" in str(err.value.message)
    d.refresh_from_db()
    assert d.closed_at is None and d.outcome == ""


def test_future_sessions_and_strangers_are_refused(cast):
    with clock.frozen_at(NOW):
        d = open_dispute(cast)
        with pytest.raises(ApplicationError):
            actions.session_add(
                dispute=d,
                day=date(2026, 11, 21),
                place="村委会",
                attendees="双方",
                notes="x",
                actor=cast.station_leader,
            )
        with pytest.raises(PermissionDenied):
            actions.session_add(
                dispute=d,
                day=NOW.date(),
                place="村委会",
                attendees="双方",
                notes="x",
                actor=cast.handler_b,
            )


def test_from_a_case_to_an_agreement_and_its_follow_up(cast):
    Category.objects.create(root=cast.root, name="路面病害")
    from types import SimpleNamespace

    cc = SimpleNamespace(**vars(cast), road=Category.objects.get(name="路面病害"))
    case, _ = receive(cc)
    with clock.frozen_at(NOW):
        d = open_dispute(cast, case=case)
        actions.session_add(
            dispute=d,
            day=NOW.date(),
            place="村委会",
            attendees="李某、吴站长",
            notes="现场丈量",
            actor=cast.station_leader,
        )
        d = actions.dispute_close(
            dispute=d, outcome="success", agreement="一次性补偿八千元", actor=cast.station_leader
        )
    assert d.follow_up_on == NOW.date() + timedelta(days=30)
    notes = list(case.events.filter(action="note").values_list("note", flat=True))
    assert any("矛盾调处" in n for n in notes) and any("调解成功" in n for n in notes)
    clock.sweep(at=NOW + timedelta(days=31))
    assert Notice.objects.filter(recipient=cast.station_leader, title__contains="回访").exists()
    actions.dispute_follow_up(dispute=d, kept=True, actor=cast.station_leader)
    assert Dispute.objects.get(pk=d.pk).agreement_kept is True


def test_contacts_are_for_the_mediator_and_leaders(cast, login):
    with clock.frozen_at(NOW):
        d = open_dispute(cast)
    url = f"/workbench/mediation/{d.pk}/"
    assert "13905710001" in login(cast.station_leader).get(url).content.decode()
    assert "13905710001" in login(cast.leader).get(url).content.decode()
    page = login(cast.handler).get(url).content.decode()  # staff of the unit read, no contacts
    assert "李某" in page and "13905710001" not in page
    assert login(cast.handler_b).get(url).status_code == 404
    assert login(cast.outsider).get(url).status_code == 404


def test_an_agreement_not_kept_needs_a_note_and_is_recorded_once(cast):
    with clock.frozen_at(NOW):
        d = open_dispute(cast)
        actions.session_add(
            dispute=d,
            day=NOW.date(),
            place="村委会",
            attendees="双方",
            notes="协商",
            actor=cast.station_leader,
        )
        d = actions.dispute_close(
            dispute=d, outcome="success", agreement="补偿八千元", actor=cast.station_leader
        )
    with pytest.raises(ApplicationError):
        actions.dispute_follow_up(dispute=d, kept=False, note="", actor=cast.station_leader)
    assert Dispute.objects.get(pk=d.pk).followed_up_at is None
    with pytest.raises(PermissionDenied):
        actions.dispute_follow_up(dispute=d, kept=False, note="未付款", actor=cast.handler_b)
    actions.dispute_follow_up(dispute=d, kept=False, note="尚未付款", actor=cast.station_leader)
    with pytest.raises(ApplicationError):
        actions.dispute_follow_up(dispute=d, kept=True, actor=cast.station_leader)
    assert Dispute.objects.get(pk=d.pk).agreement_kept is False

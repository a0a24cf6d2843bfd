"""Nobody mediates his own dispute: when one of the organisation's units is a party, the
dispute goes to the level above it, with a clear message and nothing written."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.utils import timezone

from lianxin.core import clock
from lianxin.core.errors import ApplicationError
from lianxin.mediation import actions
from lianxin.mediation.models import Dispute, Party

NOW = timezone.make_aware(datetime(2026, 11, 20, 10))


def open_(cast, *, unit, mediator, parties, actor=None):
    with clock.frozen_at(NOW):
        return actions.dispute_open(
            unit=unit,
            subject="边沟改造占地补偿纠纷",
            category="land",
            description="村民李某称边沟改造占用其承包地。",
            mediator=mediator,
            parties=parties,
            actor=actor or mediator.user,
        )


@pytest.mark.parametrize("unit", ["station_a", "office"])
def test_the_party_station_itself_or_a_unit_beside_it_cannot_mediate(cast, unit):
    """甲站 is a party: neither 甲站 nor the organ's office (路政科 for 石桥公路站) mediates."""
    mediator = cast.people.station_leader if unit == "station_a" else cast.people.admin
    with pytest.raises(ApplicationError) as err:
        open_(
            cast,
            unit=getattr(cast, unit),
            mediator=mediator,
            parties=[{"name": "李某"}, {"name": "甲站", "kind": "organisation"}],
        )
    message = str(err.value.message)
    assert err.value.field == "unit"
    assert "甲站" in message and "测试公路段" in message  # the level above is named
    assert not Dispute.objects.exists() and not Party.objects.exists()


def test_a_party_written_as_a_person_is_still_recognised(cast):
    with pytest.raises(ApplicationError):
        open_(
            cast,
            unit=cast.station_a,
            mediator=cast.people.station_leader,
            parties=[{"name": "李某"}, {"name": " 甲站 "}],
        )
    assert not Dispute.objects.exists()


def test_a_mediator_from_the_party_station_is_refused_even_at_the_level_above(cast):
    with pytest.raises(ApplicationError) as err:
        open_(
            cast,
            unit=cast.root,
            mediator=cast.people.handler,  # works at 甲站
            parties=[{"name": "李某"}, {"name": "甲站", "kind": "organisation"}],
            actor=cast.leader,
        )
    assert err.value.field == "mediator" and "甲站" in str(err.value.message)
    assert not Dispute.objects.exists()


def test_the_level_above_mediates_and_the_party_is_tied_to_the_unit(cast):
    d = open_(
        cast,
        unit=cast.root,
        mediator=cast.people.leader,
        parties=[{"name": "李某"}, {"name": "甲站"}],
    )
    station = d.parties.get(name="甲站")
    assert station.unit == cast.station_a and station.kind == Party.Kind.ORGANISATION
    assert d.parties.get(name="李某").unit is None


def test_adding_the_mediating_unit_as_a_party_later_is_refused(cast):
    d = open_(
        cast,
        unit=cast.station_a,
        mediator=cast.people.station_leader,
        parties=[{"name": "李某"}, {"name": "青山建工集团", "kind": "organisation"}],
    )
    with pytest.raises(ApplicationError) as err:
        actions.party_add(dispute=d, name="甲站", kind="organisation", actor=cast.station_leader)
    assert "甲站" in str(err.value.message)
    assert d.parties.count() == 2


def test_the_page_shows_the_refusal_on_the_form(cast, login):
    client = login(cast.station_leader)
    page = client.post(
        "/workbench/mediation/new/",
        {
            "unit": cast.station_a.pk,
            "subject": "边沟改造占地补偿纠纷",
            "category": "land",
            "description": "村民李某称边沟改造占用其承包地。",
            "mediator": cast.people.station_leader.pk,
            "party-0": "李某",
            "party-1": "甲站",
            "kind-1": "organisation",
        },
    )
    assert page.status_code == 400
    assert "测试公路段" in page.content.decode()
    assert not Dispute.objects.exists()

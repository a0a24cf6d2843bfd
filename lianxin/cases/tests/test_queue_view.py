"""The case queue: tabs, filters, search, and a fixed number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lianxin.cases.models import Channel, Kind
from lianxin.core import clock

from .conftest import receive

# Dates here follow the wall clock: also run at midnight in Beijing, a month end, a holiday.
pytestmark = pytest.mark.any_hour

URL = "/workbench/cases/"


def codes_in(response):
    return {c.code for c in response.context["page"]}


def test_the_query_count_does_not_grow_with_the_page(cc, make_case, login):
    client = login(cc.dispatcher)
    make_case("in_progress")
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    for _ in range(12):
        make_case("in_progress")
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL)
    assert len(response.context["page"]) == 13
    assert len(many) == len(few)


def test_tabs_filters_and_search(cc, make_case, login):
    incoming = make_case("received")
    mine = make_case("in_progress")
    hotline, _ = receive(
        cc,
        channel=Channel.HOTLINE,
        kind=Kind.CONSULT,
        actor=cc.operator,
        citizen_phone="13700001111",
        content="请问超限运输许可怎么办理",
    )
    with clock.frozen_at(mine.reply_due + timedelta(hours=1)):
        client = login(cc.dispatcher)
        assert codes_in(client.get(URL, {"tab": "incoming"})) == {incoming.code, hotline.code}
        assert codes_in(client.get(URL, {"overdue": "on"})) == {mine.code}
    assert codes_in(client.get(URL, {"channel": "hotline"})) == {hotline.code}
    assert codes_in(client.get(URL, {"kind": "consult"})) == {hotline.code}
    assert codes_in(client.get(URL, {"status": "in_progress"})) == {mine.code}
    assert codes_in(client.get(URL, {"unit": cc.station_a.pk})) == {mine.code}
    assert codes_in(client.get(URL, {"category": cc.fee.pk})) == set()
    assert codes_in(client.get(URL, {"q": "13700001111"})) == {hotline.code}
    assert codes_in(client.get(URL, {"q": "超限运输"})) == {hotline.code}
    assert codes_in(client.get(URL, {"q": mine.code})) == {mine.code}
    today = timezone.localdate(incoming.received_at).isoformat()
    assert len(codes_in(client.get(URL, {"since": today, "until": today}))) == 3
    assert codes_in(client.get(URL, {"since": "2020-01-01", "until": "2020-01-02"})) == set()
    handler_view = login(cc.handler).get(URL, {"tab": "mine"})
    assert codes_in(handler_view) == {mine.code}


def test_outsiders_get_nothing(cc, make_case, login):
    make_case("received")
    assert login(cc.outsider).get(URL).context["page"].paginator.count == 0
    assert login(cc.nobody).get(URL).status_code == 403


def test_an_unknown_unit_in_the_filter_lists_nothing_and_says_why(cc, make_case, login):
    make_case("in_progress")
    client = login(cc.dispatcher)
    for params in ({"unit": 999999}, {"unit": 10**30}, {"category": 10**30}):
        response = client.get(URL, params)
        assert response.status_code == 400 and codes_in(response) == set(), params
        assert "选择一个有效的选项" in response.content.decode()

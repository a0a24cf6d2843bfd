"""The case queue: tabs, filters, search, the Excel export, and a fixed number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

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


def test_export_is_an_excel_workbook_with_masked_phones(cc, make_case, login):
    case = make_case("replied")
    response = login(cc.dispatcher).get(URL + "export.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    import io

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=4)]
    assert rows[0][0] == case.code and rows[0][7] == "138****5678"
    assert rows[0][8] == "已答复"


def test_outsiders_get_nothing(cc, make_case, login):
    make_case("received")
    assert login(cc.outsider).get(URL).context["page"].paginator.count == 0
    assert login(cc.nobody).get(URL).status_code == 403

"""Staff lists on a phone (390×844): the discipline register and the disputes list show
one card per row (no table head, rows laid out as cards) and the page never scrolls
sideways."""

import pytest

from lianxin.discipline.tests.conftest import dc, submit  # noqa: F401 (shared fixture)
from lianxin.mediation import actions as mediation_actions
from lianxin.rules.tests.conftest import rc  # noqa: F401 (shared fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


def assert_cards(page, url, table, text):
    page.set_viewport_size(PHONE)
    page.goto(url)
    rows = page.locator(f"{table} tbody tr")
    rows.first.wait_for()
    assert page.locator(f"{table} thead").is_hidden()
    assert rows.first.evaluate("r => getComputedStyle(r).display") == "flex"
    assert text in rows.first.inner_text()
    title = rows.first.locator(".lx-card-title")
    assert title.evaluate("t => t.getBoundingClientRect().width") > 300  # its own line
    assert page.evaluate("document.documentElement.scrollWidth") <= 391


def test_the_discipline_register_on_a_phone_is_cards(staff_page, live_server, dc):  # noqa: F811
    submit(dc, accused_unit=dc.station_b, accused_text="")
    context, page = staff_page(dc.inspector, width=390)
    assert_cards(page, f"{live_server.url}/workbench/discipline/", "#reports", "乙")
    context.close()


def test_the_disputes_list_on_a_phone_is_cards(staff_page, live_server, cast):
    mediation_actions.dispute_open(
        unit=cast.station_a,
        subject="施工占地补偿纠纷",
        category="land",
        description="村民称边沟改造占用承包地",
        mediator=cast.people.station_leader,
        parties=[{"name": "李某", "contact": "13905710001"}, {"name": "青山建工集团"}],
        actor=cast.station_leader,
    )
    context, page = staff_page(cast.station_leader, width=390)
    assert_cards(page, f"{live_server.url}/workbench/mediation/", "#disputes", "施工占地")
    context.close()

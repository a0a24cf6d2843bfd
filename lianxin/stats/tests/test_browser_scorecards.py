"""In a real browser on a 390px phone: the ranking and a unit's month draw their charts from
the vendored ECharts, with no inline script and no page wider than the phone."""

import pytest

from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.stats.actions import scorecard_freeze

from .conftest import NOVEMBER, at

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INLINE_SCRIPTS = "[...document.scripts].filter(s => !s.src && s.type !== 'application/json').length"


def test_charts_on_a_phone(staff_page, live_server, november):
    with clock.frozen_at(at(2026, 12, 9, 9)):
        scorecard_freeze(root=november.root, month=NOVEMBER, actor=Actor.system())
    context, page = staff_page(november.leader, 390)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(live_server.url + "/workbench/scorecards/?month=2026-11")
    page.locator(".lx-chart svg").first.wait_for()
    assert "乙站" in page.locator(".lx-chart").inner_text()
    assert page.evaluate(INLINE_SCRIPTS) == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    page.goto(live_server.url + f"/workbench/scorecards/units/{november.station_a.pk}/2026-11/")
    page.locator(".lx-chart svg").first.wait_for()
    assert page.evaluate(INLINE_SCRIPTS) == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    with page.expect_navigation():
        page.get_by_role("link", name="1", exact=True).first.click()  # a figure's records
    assert "/cases/" in page.url
    assert errors == []
    context.close()

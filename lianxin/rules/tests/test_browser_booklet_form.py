"""In a real browser, on a desktop and on a phone: the booklet form shows each regulation as a
checkbox with its title on a readable line, never one character per line over the next
field, and choosing two makes the booklet."""

from pathlib import Path

import pytest

from lianxin.rules import actions
from lianxin.rules.tests.conftest import V1

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(__file__).resolve().parents[3] / "test-results"


@pytest.mark.parametrize("width", [1280, 390])
def test_regulation_labels_are_readable(staff_page, live_server, rc, width):
    SHOTS.mkdir(exist_ok=True)
    reg = actions.regulation_create(
        root=rc.root, code="jiedai", title="公务接待管理办法", actor=rc.admin
    )
    v = actions.version_draft(
        regulation=reg, text=V1, issued_by=rc.office, applies_to=rc.root, actor=rc.admin
    )
    actions.version_enforce(version=v, actor=rc.admin)
    context, page = staff_page(rc.admin, width=width)
    page.goto(f"{live_server.url}/workbench/rules/booklet/")
    label = page.locator("form label", has_text="公务接待管理办法")
    box = label.bounding_box()
    line = page.evaluate("parseFloat(getComputedStyle(document.body).lineHeight)")
    assert box["height"] < 2 * line  # one line, not a column of characters
    assert box["width"] > 100
    checks = page.locator("input[name=regulations]")
    assert checks.count() == 2
    title_top = page.get_by_label("汇编名称").bounding_box()["y"]
    last = page.locator("form label", has_text="干部作风规定").bounding_box()
    last = max([box, last], key=lambda b: b["y"])
    assert last["y"] + last["height"] <= title_top  # nothing over the next field
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    page.screenshot(path=str(SHOTS / f"booklet-form-{width}.png"), full_page=True)
    page.get_by_text("公务接待管理办法").click()  # the label ticks its box
    assert checks.nth(1).is_checked() or checks.nth(0).is_checked()
    context.close()

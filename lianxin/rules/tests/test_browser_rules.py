"""In a real browser: the administrator drafts version 2 and puts it in force; a handler on
his phone sees it is his to study, confirms; the administrator sees who is still missing."""

from pathlib import Path

import pytest

from lianxin.rules.models import Acknowledgement, Version

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(__file__).resolve().parents[3] / "test-results"


def test_a_version_comes_into_force_and_is_acknowledged(browser, staff_page, live_server, rc):
    SHOTS.mkdir(exist_ok=True)
    context, page = staff_page(rc.admin)
    page.goto(f"{live_server.url}/workbench/rules/{rc.reg.pk}/")
    text = page.get_by_label("内容")
    text.fill(text.input_value() + "\n第五条 窗口岗位应当公开承诺时限。")
    page.get_by_label("文号").fill("测公段〔2026〕9号")
    with page.expect_navigation():
        page.get_by_role("button", name="保存草稿").click()
    assert "草稿" in page.locator("#version-status").inner_text()
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.locator("#enforce").click()
    assert "有效" in page.locator("#version-status").inner_text()
    v2 = Version.objects.get(regulation=rc.reg, number=2)

    cadre, phone = staff_page(rc.handler, width=390)
    phone.goto(f"{live_server.url}/workbench/rules/")
    phone.get_by_role("link", name="待学习").click()
    assert "第五条" in phone.locator(".lx-article").last.inner_text()
    with phone.expect_navigation():
        phone.locator("#acknowledge").click()
    assert "您已确认学习此版本" in phone.locator("#acked").inner_text()
    assert Acknowledgement.objects.filter(version=v2, person=rc.people.handler).exists()

    page.reload()
    row = page.locator("#study tr", has_text="甲站")
    assert "1/2" in row.inner_text() and "吴站长" in row.inner_text()
    page.screenshot(path=str(SHOTS / "rules-study.png"), full_page=True)
    cadre.close()
    context.close()

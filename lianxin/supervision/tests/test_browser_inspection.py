"""At phone size in a real browser: a team member records two findings on the spot, the
station plans the rectification of one, reports it done with a photo, and the issuer signs
it off; the bulletin prints."""

from pathlib import Path

import pytest

from lianxin.cases.models import Case
from lianxin.core import samples
from lianxin.supervision.models import Rectification

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(__file__).resolve().parents[3] / "test-results"
PHONE = 390


def submit(page, form):
    with page.expect_navigation():
        page.locator(f"{form} button").last.click()
    page.locator(".alert-success").wait_for()


def test_two_findings_one_rectified_and_signed_off(
    staff_page, live_server, cc, inspection, tmp_path
):
    SHOTS.mkdir(exist_ok=True)
    context, page = staff_page(cc.supervisor, width=PHONE)
    page.goto(f"{live_server.url}/workbench/supervision/inspections/{inspection.pk}/")
    for text in ("作业现场未设置警示标志", "值班记录缺失"):
        form = page.locator("#finding-form")
        form.get_by_label("责任单位").select_option(label="甲站")
        form.get_by_label("发现的问题").fill(text)
        form.get_by_label("分类").select_option(label="路面病害")
        submit(page, "#finding-form")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE + 1
    page.screenshot(path=str(SHOTS / "inspection-findings-phone.png"), full_page=True)
    problems = list(Case.objects.filter(kind="problem", lead_unit=cc.station_a))
    assert len(problems) == 2
    context.close()

    first = next(c for c in problems if c.title.startswith("作业现场"))
    url = f"{live_server.url}/workbench/supervision/problems/{first.code}/"
    context, page = staff_page(cc.station_leader, width=PHONE)
    page.goto(url)
    plan = page.locator("#step-plan")
    plan.get_by_label("责任领导").select_option(label="吴站长")
    plan.get_by_label("责任人").select_option(label="杨承办")
    plan.get_by_label("整改措施").fill("立即补齐警示标志，开工前逐项检查")
    plan.get_by_label("整改时限（工作日）").fill("5")
    submit(page, "#step-plan")
    context.close()

    photo = tmp_path / "after.png"
    photo.write_bytes(samples.png())
    context, page = staff_page(cc.handler, width=PHONE)
    page.goto(url)
    report = page.locator("#step-report")
    report.locator("[name=text]").fill("警示标志已补齐")
    report.get_by_label("整改已完成，申请验收").check()
    report.locator("input[type=file]").set_input_files(str(photo))
    submit(page, "#step-report")
    context.close()

    context, page = staff_page(cc.supervisor, width=PHONE)
    page.goto(url)
    page.locator("#step-sign_off").get_by_label("验收意见").fill("现场复查，整改到位")
    submit(page, "#step-sign_off")
    assert Rectification.objects.get(case=first).signed_off_at is not None
    page.goto(f"{live_server.url}/workbench/supervision/ledger/")
    assert page.get_by_text("已销号").count() == 1
    page.goto(f"{live_server.url}/workbench/supervision/inspections/{inspection.pk}/")
    page.locator("#id_summary").fill("发现问题两处，已责成整改。")
    with page.expect_navigation():
        page.get_by_role("button", name="结束", exact=True).click()
    assert "督查通报" in page.content()
    page.screenshot(path=str(SHOTS / "inspection-bulletin-phone.png"), full_page=True)
    context.close()

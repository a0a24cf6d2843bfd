"""In a real browser: a cadre on a phone records a visit with a photo and a need and turns the
need into a case; a mediation from its first session to the printed agreement."""

from pathlib import Path

import pytest
from django.utils import timezone

from lianxin.cases.models import Case
from lianxin.core import clock, samples
from lianxin.mediation.models import Dispute

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(__file__).resolve().parents[3] / "test-results"


def test_visit_need_to_case_on_a_phone(staff_page, live_server, lx, tmp_path):
    SHOTS.mkdir(exist_ok=True)
    photo = tmp_path / "village-gate.png"
    photo.write_bytes(samples.png())
    context, page = staff_page(lx.station_leader, 390)
    page.goto(live_server.url + "/workbench/liaison/")
    page.get_by_label("地点").select_option(label="甲村")
    page.get_by_label("走访对象").fill("王大爷等村民")
    page.get_by_label("群众反映").fill("村口晚上没有路灯，老人出行不安全。")
    page.get_by_label("群众需求（每行一条）").fill("村口增设路灯")
    page.get_by_label("被走访人签名").fill("王某")
    page.get_by_label("照片").set_input_files(str(photo))
    with page.expect_navigation():
        page.get_by_role("button", name="记入民情日记").click()
    assert "村口增设路灯" in page.locator("#needs").inner_text()
    # the photo is served to the cadre (not a 404 under /media/) and drawn
    page.locator("#visit-photo").wait_for()
    assert page.evaluate("document.querySelector('#visit-photo').naturalWidth") > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    with page.expect_navigation():
        page.get_by_role("button", name="转为诉求件").click()
    assert "已受理" in page.locator("#needs").inner_text()
    page.screenshot(path=str(SHOTS / "diary-need-case-phone.png"), full_page=True)
    case = Case.objects.get(channel="visit")
    assert case.citizen_name == "王某" and "王大爷等村民" in case.content
    context.close()


def test_mediation_from_first_session_to_printed_agreement(staff_page, live_server, lx):
    # 甲站 is a party, so the level above (the organ) takes the dispute
    context, page = staff_page(lx.leader)
    page.goto(live_server.url + "/workbench/mediation/new/")
    page.get_by_label("调解单位").select_option(label="测试公路段")
    page.locator("#id_subject").fill("边沟改造占地补偿纠纷")
    page.get_by_label("分类").select_option(label="土地及补偿纠纷")
    page.get_by_label("纠纷情况").fill("村民李某称边沟改造占用其承包地约0.3亩。")
    page.get_by_label("调解员").select_option(label="张局长")
    page.get_by_label("当事人 1").fill("李某")
    page.get_by_label("联系方式 1").fill("13905710001")
    page.get_by_label("当事人 2").fill("甲站")
    with page.expect_navigation():
        page.get_by_role("button", name="开始调解").click()
    page.locator("#id_s-place").fill("甲村村委会")
    page.locator("#id_s-attendees").fill("李某、吴站长、村主任")
    page.locator("#id_s-notes").fill("现场丈量占地0.28亩，按标准协商补偿。")
    with page.expect_navigation():
        page.get_by_role("button", name="记录", exact=True).click()
    page.locator("#id_c-outcome").select_option(label="调解成功")
    page.locator("#id_c-agreement").fill(
        "一、甲站一次性补偿李某人民币捌仟元整；\n二、李某不再就此事提出其他要求。"
    )
    with page.expect_navigation():
        page.locator("form:has(#id_c-outcome) button").first.click()
    assert "调解成功" in page.locator("#dispute-state").inner_text()
    page.locator("#print-agreement").click()
    page.get_by_role("heading", name="调解协议书").wait_for()
    assert "捌仟元" in page.locator("#agreement-text").inner_text()
    year = timezone.localdate(clock.now()).year
    assert page.locator("#agreement-no").inner_text() == f"测试公路段调〔{year}〕1号"
    assert "乙方：甲站（法人或其他组织）" in page.locator("#agreement-parties").inner_text()
    assert "一式三份" in page.locator("#agreement-copies").inner_text()
    page.emulate_media(media="print")
    page.screenshot(path=str(SHOTS / "mediation-agreement-print.png"), full_page=True)
    d = Dispute.objects.get()
    assert d.outcome == "success" and d.parties.count() == 2 and d.sessions.count() == 1
    assert d.follow_up_on > timezone.localdate(clock.now())
    context.close()

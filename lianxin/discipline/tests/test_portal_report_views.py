"""The public report form and following a report with its receipt: a proof of work and rate
limits on the form, the same answer for any wrong receipt, messages both ways, evidence
checked by content."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from lianxin.core import pow, samples
from lianxin.discipline import actions
from lianxin.discipline.models import Report


def form(dc, client, **kw):
    page = client.get("/report/").content.decode()
    token = re.search(r'name="pow_challenge" value="([^"]+)"', page).group(1)
    data = {
        "accused_unit": dc.station_a.pk,
        "accused_text": "杨承办",
        "what": "治超点值班人员上班玩手机。",
        "clause": "http://testserver/rules/zuofeng/3/2/",
        "pow_challenge": token,
        "pow_counter": pow.solve(token),
    }
    data.update(kw)
    return data


def test_an_anonymous_report_and_its_follow_up(dc, settings, login):
    settings.LIANXIN_POW_BITS = 8
    c = Client()
    data = form(dc, c, files=[SimpleUploadedFile("现场.jpg", samples.jpeg(), "image/jpeg")])
    done = c.post("/report/", data).content.decode()
    receipt = re.search(r'id="receipt">([\d ]+)<', done).group(1)
    report = Report.objects.get()
    assert report.evidence.count() == 1 and report.clause.article == 3
    assert receipt.replace(" ", "") not in str(Report.objects.values().get())
    actions.report_accept(report=report, actor=dc.inspector)
    actions.inspector_message(report=report, text="请问具体是哪一天？", actor=dc.inspector)

    reporter = Client()
    r = reporter.post("/report/follow/", {"receipt": receipt})
    assert r.status_code == 302
    page = reporter.get("/report/follow/progress/").content.decode()
    assert "已受理" in page and "请问具体是哪一天？" in page
    assert "马纪检" not in page  # the inspector's name is not shown to the reporter
    reporter.post("/report/follow/message/", {"text": "是11月25日下午。"})
    assert report.messages.filter(from_reporter=True, text="是11月25日下午。").exists()
    staff = login(dc.inspector).get(f"/workbench/discipline/reports/{report.pk}/")
    assert "是11月25日下午。" in staff.content.decode()


def test_the_form_needs_a_fresh_proof_of_work(dc, settings):
    settings.LIANXIN_POW_BITS = 8
    c = Client()
    data = form(dc, c)
    for bad in ({"pow_counter": ""}, {"pow_challenge": "forged"}):
        r = c.post("/report/", {**data, **bad})
        assert r.status_code == 400 and "表单已过期或不是由浏览器提交的" in r.content.decode()
    assert c.post("/report/", data).status_code == 200
    again = c.post("/report/", data)  # the same solved challenge a second time
    assert again.status_code == 400 and Report.objects.count() == 1


def test_bad_evidence_and_too_many_reports_are_refused(dc, settings):
    settings.LIANXIN_POW_BITS = 8
    c = Client()
    fake = SimpleUploadedFile("证据.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    r = c.post("/report/", form(dc, c, files=[fake]))
    assert r.status_code == 400 and "证据.pdf 不是我们接收的文件" in r.content.decode()
    assert not Report.objects.exists()
    for _i in range(4):  # five tries an hour from one network, the refused one included
        assert c.post("/report/", form(dc, c)).status_code == 200
    r = c.post("/report/", form(dc, c))
    assert r.status_code == 400 and "提交的举报过多" in r.content.decode()
    assert Report.objects.count() == 4


def test_wrong_receipts_get_one_answer_and_are_rate_limited(dc):
    from lianxin.discipline.tests.conftest import submit

    _report, receipt = submit(dc)
    c = Client()
    wrong = receipt[:-1] + str((int(receipt[-1]) + 1) % 10)
    refusal = "没有与此查询码相符的举报"
    answers = {
        c.post("/report/follow/", {"receipt": g}).content.decode().count(refusal)
        for g in (wrong, "0000000000000000", "12")
    }
    assert answers == {1}
    for _i in range(10):
        c.post("/report/follow/", {"receipt": wrong})
    r = c.post("/report/follow/", {"receipt": receipt})  # even the right one, once limited
    assert r.status_code == 400 and "尝试次数过多" in r.content.decode()
    assert c.get("/report/follow/progress/").status_code == 302

"""The public report form and following a report with its receipt: a proof of work on each
form (and no counter per address), the person reported picked from the roster by unit and
name, the same answer for any wrong receipt, messages both ways, evidence checked by
content."""

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


def follow(client, receipt, **kw):
    page = client.get("/report/follow/").content.decode()
    token = re.search(r'name="pow_challenge" value="([^"]+)"', page).group(1)
    data = {"receipt": receipt, "pow_challenge": token, "pow_counter": pow.solve(token)}
    return client.post("/report/follow/", {**data, **kw})


def test_the_person_reported_is_picked_by_unit_and_name(dc, settings, login):
    from conftest import make_person

    settings.LIANXIN_POW_BITS = 8
    make_person("clerk", "刘文书", dc.office_unit, position="纪检干事", phone="13911112222")
    c = Client()
    page = c.get("/report/").content.decode()
    assert '<optgroup label="纪检室">' in page and "刘文书（纪检干事）" in page
    assert "13911112222" not in page and "13900000001" not in page  # names and positions only
    data = form(dc, c, accused_unit=dc.station_a.pk, accused_text="",
                accused_person=dc.people.inspector.pk)  # fmt: skip
    assert c.post("/report/", data).status_code == 200
    report = Report.objects.get()
    assert report.accused_person == dc.people.inspector
    assert login(dc.inspector).get(f"/workbench/discipline/reports/{report.pk}/").status_code == 404
    assert login(dc.leader).get(f"/workbench/discipline/reports/{report.pk}/").status_code == 200
    bad = c.post("/report/", form(dc, c, accused_person="abc"))
    assert bad.status_code == 400 and Report.objects.count() == 1


def test_an_anonymous_report_and_its_follow_up(dc, settings, login):
    settings.LIANXIN_POW_BITS = 8
    c = Client()
    data = form(dc, c, files=[SimpleUploadedFile("IMG_20261203_101523.jpg", samples.jpeg(),
                                                 "image/jpeg")])  # fmt: skip
    done = c.post("/report/", data).content.decode()
    receipt = re.search(r'id="receipt">([\d ]+)<', done).group(1)
    report = Report.objects.get()
    assert report.evidence.count() == 1 and report.clause.article == 3
    assert report.evidence.get().name == "evidence-1.jpg"  # the phone's name dated it
    assert receipt.replace(" ", "") not in str(Report.objects.values().get())
    actions.report_accept(report=report, actor=dc.inspector)
    actions.inspector_message(report=report, text="请问具体是哪一天？", actor=dc.inspector)

    reporter = Client()
    r = follow(reporter, receipt)
    assert r.status_code == 302 and not reporter.session.keys()  # a signed cookie, no session
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


def test_bad_evidence_is_refused_and_reports_are_not_counted_per_address(dc, settings):
    from lianxin.core.models import RateCounter

    settings.LIANXIN_POW_BITS = 8
    c = Client(REMOTE_ADDR="203.0.113.77")
    fake = SimpleUploadedFile("证据.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    r = c.post("/report/", form(dc, c, files=[fake]))
    assert r.status_code == 400 and "证据.pdf 不是我们接收的文件" in r.content.decode()
    assert not Report.objects.exists()
    for _i in range(6):  # each with its own proof of work: that is the limit
        assert c.post("/report/", form(dc, c)).status_code == 200
    assert Report.objects.count() == 6
    assert set(RateCounter.objects.values_list("key", flat=True)) == {
        k for k in RateCounter.objects.values_list("key", flat=True) if k.startswith("pow:")
    }


def test_wrong_receipts_get_one_answer_and_each_try_costs_a_proof_of_work(dc, settings):
    from lianxin.discipline.tests.conftest import submit

    settings.LIANXIN_POW_BITS = 8
    _report, receipt = submit(dc)
    c = Client()
    wrong = receipt[:-1] + str((int(receipt[-1]) + 1) % 10)
    refusal = "没有与此查询码相符的举报"
    answers = {follow(c, g).content.decode().count(refusal) for g in (wrong, "0" * 16, "12")}
    assert answers == {1}
    expired = "表单已过期或不是由浏览器提交的"
    assert c.post("/report/follow/", {"receipt": receipt}).status_code == 400  # no work
    page = c.get("/report/follow/").content.decode()
    token = re.search(r'name="pow_challenge" value="([^"]+)"', page).group(1)
    solved = {"receipt": wrong, "pow_challenge": token, "pow_counter": pow.solve(token)}
    c.post("/report/follow/", solved)
    again = c.post("/report/follow/", {**solved, "receipt": receipt})  # the same work twice
    assert again.status_code == 400 and expired in again.content.decode()
    assert c.get("/report/follow/progress/").status_code == 302
    assert follow(c, receipt).status_code == 302
    assert c.get("/report/follow/progress/").status_code == 200
    c.cookies["lx_report"] = str(_report.pk)  # a forged cookie opens nothing
    assert c.get("/report/follow/progress/").status_code == 302

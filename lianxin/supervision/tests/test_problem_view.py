"""The problem's ledger page: plan, report with evidence, sign off, through the pages."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lianxin.cases.models import Status
from lianxin.core import samples
from lianxin.supervision.models import Rectification


def step(case, name):
    return reverse("workbench:problem_step", args=[case.code, name])


def test_the_whole_loop_through_the_pages(cc, login, finding):
    case = finding.case
    leader = login(cc.station_leader)
    bad = leader.post(step(case, "plan"), {"measures": "清扫", "workdays": "5"})
    assert bad.status_code == 400 and not Rectification.objects.exists()
    ok = leader.post(
        step(case, "plan"),
        {
            "leader": cc.people.station_leader.pk,
            "person": cc.people.handler.pk,
            "measures": "清扫路面",
            "workdays": "5",
        },
    )
    assert ok.status_code == 302
    handler = login(cc.handler)
    photo = SimpleUploadedFile("after.png", samples.png(), content_type="image/png")
    done = handler.post(step(case, "report"), {"text": "已完成", "final": "on", "files": photo})
    assert done.status_code == 302
    row = Rectification.objects.get()
    evidence = row.evidence.get()
    url = reverse("workbench:problem_evidence", args=[case.code, evidence.pk])
    assert handler.get(url).status_code == 200
    assert login(cc.outsider).get(url).status_code == 404
    supervisor = login(cc.supervisor)
    assert supervisor.post(step(case, "sign_off"), {"note": "整改到位"}).status_code == 302
    case.refresh_from_db()
    assert case.status == Status.CLOSED


def test_a_forged_pdf_is_refused_with_a_message(cc, login, planned):
    client = login(cc.handler)
    fake = SimpleUploadedFile("proof.pdf", b"MZ not a pdf", content_type="application/pdf")
    page = client.post(
        step(planned.case, "report"), {"text": "已完成", "final": "on", "files": fake}
    )
    assert page.status_code == 400
    assert not planned.reports.exists()


def test_an_unknown_step_is_404(cc, login, planned):
    assert login(cc.supervisor).post(step(planned.case, "destroy"), {}).status_code == 404

"""complaint_transfer (转纪检): the complaint becomes a protected misconduct report, the case
is closed as transferred, the citizen gets the receipt, the lead unit loses sight of it."""

import pytest
from django.http import Http404
from django.urls import reverse

from conftest import make_person
from lianxin.cases.models import Status
from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError
from lianxin.core.notify import MemorySmsBackend
from lianxin.discipline.models import DisciplineOffice, Report
from lianxin.org import actions as org_actions
from lianxin.org.models import Role
from lianxin.supervision import actions


@pytest.fixture
def inspector(cc):
    unit = org_actions.unit_create(
        name="纪检室", kind="office", parent=cc.root, code="t-disc", actor=Actor.system()
    )
    DisciplineOffice.objects.create(root=cc.root, unit=unit)
    return make_person("inspector", "马纪检", unit, roles=[(Role.INSPECTOR, unit)]).user


def test_a_handler_transfers_a_complaint_about_misconduct(
    cc, make_case, inspector, login, django_capture_on_commit_callbacks
):
    case = make_case("in_progress", content="甲站杨某某收了我500元好处费才给办理路政许可。")
    MemorySmsBackend.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report = actions.complaint_transfer(
            case=case, accused_unit=cc.station_a, accused_text="杨某某", actor=cc.handler
        )
    case.refresh_from_db()
    assert case.status == Status.TRANSFERRED and case.closed_at
    assert "500元好处费" in report.what and case.code in report.what
    assert not report.anonymous and "13812345678" not in report.reporter_sealed
    assert any("纪检" in text and report.number in text for _p, text in MemorySmsBackend.outbox)
    detail = reverse("workbench:case_detail", args=[case.code])
    assert login(cc.handler).get(detail).status_code == 404
    assert login(cc.station_leader).get(detail).status_code == 404
    assert case.code not in login(cc.handler).get(reverse("workbench:case_queue")).text
    assert login(cc.dispatcher).get(detail).status_code == 200
    report_url = reverse("workbench:report_detail", args=[report.pk])
    assert login(inspector).get(report_url).status_code == 200


def test_someone_who_cannot_see_the_case_cannot_transfer_it(cc, make_case, inspector):
    case = make_case("dispatched")
    for user in (cc.outsider, cc.handler_b):
        with pytest.raises(Http404):
            actions.complaint_transfer(case=case, accused_unit=cc.station_a, actor=user)
    assert not Report.objects.exists()


def test_bad_input_and_wrong_state_change_nothing(cc, make_case, inspector):
    case = make_case("dispatched")
    with pytest.raises(ApplicationError) as err:
        actions.complaint_transfer(case=case, accused_unit=cc.other, actor=cc.dispatcher)
    assert err.value.field == "accused_unit"
    closed = make_case("closed", submit_token="closed", client="test")
    with pytest.raises(ApplicationError):
        actions.complaint_transfer(case=closed, accused_unit=cc.station_a, actor=cc.supervisor)
    assert not Report.objects.exists()
    case.refresh_from_db()
    closed.refresh_from_db()
    assert case.status == Status.DISPATCHED and closed.status == Status.CLOSED


def test_through_the_page(cc, make_case, inspector, login):
    case = make_case("received")
    client = login(cc.dispatcher)
    url = reverse("workbench:case_transfer", args=[case.code])
    assert client.get(url).status_code == 200
    bad = client.post(url, {"accused_unit": cc.other.pk, "version": case.version})
    assert bad.status_code == 400
    ok = client.post(url, {"accused_unit": cc.station_a.pk, "version": case.version})
    assert ok.status_code == 302
    assert Report.objects.count() == 1
    assert login(cc.outsider).get(url).status_code == 404


def test_the_office_registers_a_phoned_in_report_sealed_with_a_receipt(cc, inspector, login):
    from lianxin.core.models import AuditEvent

    report, receipt = actions.report_register(
        root=cc.root,
        channel="report_line",
        accused_unit=cc.station_a,
        accused_text="杨承办",
        what="上班时间在站里打牌。",
        name="匿名不愿透露",
        phone="13700001111",
        actor=inspector,
    )
    assert len(receipt) == 16 and "13700001111" not in report.reporter_sealed
    assert AuditEvent.objects.filter(action="supervision.report_register").get().after == {
        "channel": "report_line"
    }
    with pytest.raises(ApplicationError) as err:
        actions.report_register(
            root=cc.root, channel="fax", accused_unit=cc.station_a, what="x", actor=inspector
        )
    assert err.value.field == "channel"
    with pytest.raises(Http404):
        actions.report_register(
            root=cc.root, channel="letter", accused_unit=cc.station_a, what="x", actor=cc.handler
        )
    assert Report.objects.count() == 1
    client = login(inspector)
    page = client.post(
        reverse("workbench:report_register"),
        {"channel": "letter", "accused_unit": cc.station_b.pk, "what": "来信反映乙站乱收费。"},
    )
    assert page.status_code == 200 and 'id="receipt"' in page.text
    assert Report.objects.count() == 2
    assert login(cc.handler).get(reverse("workbench:report_register")).status_code == 404

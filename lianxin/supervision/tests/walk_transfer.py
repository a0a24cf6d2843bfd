"""A walk in a real browser on the demo, run by the demo's browser test
(org/tests/test_demo_command.py): the dispatcher transfers a complaint alleging misconduct to
the discipline office; the inspector finds the new report; the station no longer sees the
case."""

from django.contrib.auth import get_user_model

from lianxin.cases.models import Case, Status
from lianxin.discipline.models import Report


def transfer_a_demo_complaint(staff_page, live_server):
    """Called by the demo's browser test (org/tests/test_demo_command.py), which loads the
    demo once for the run."""
    users = get_user_model().objects
    case = (
        Case.objects.filter(
            kind="complaint", status=Status.IN_PROGRESS, lead_unit__code="qs-chengguan"
        )
        .order_by("received_at")
        .first()
    )
    context, page = staff_page(users.get(username="chenjing"))
    page.goto(f"{live_server.url}/workbench/cases/{case.code}/")
    with page.expect_navigation():
        page.get_by_role("link", name="转纪检").click()
    form = page.locator("#transfer-form")
    form.get_by_label("被投诉单位").select_option(label="城关公路站")
    form.get_by_label("被投诉人（按群众所述）").fill("现场作业人员")
    with page.expect_navigation():
        form.get_by_role("button", name="移送").click()
    page.locator(".alert-success").wait_for()
    report = Report.objects.get(what__contains=case.code)
    assert report.number in page.locator(".alert-success").inner_text()
    context.close()

    context, page = staff_page(users.get(username="malijuan"))
    page.goto(f"{live_server.url}/workbench/discipline/")
    assert page.get_by_text(report.number).count() == 1
    context.close()

    context, page = staff_page(users.get(username="wugang"))
    response = page.goto(f"{live_server.url}/workbench/cases/{case.code}/")
    assert response.status == 404
    context.close()

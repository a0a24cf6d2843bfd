"""The handlers' list of reports: it shows exactly the reports each person may open (the
SQL of the list and the gate of the page agree, mentions and the office rule included),
in a number of queries that does not grow with the reports."""

from conftest import make_person
from lianxin.discipline import access, actions
from lianxin.discipline.models import Report
from lianxin.discipline.tests.conftest import submit
from lianxin.org.models import Role


def test_the_list_and_the_page_agree_for_everyone(dc):
    make_person("rootinsp", "孙纪委", dc.root, roles=[(Role.INSPECTOR, dc.root)])
    submit(dc)
    submit(dc, accused_unit=dc.office_unit, accused_text="纪检员马纪检")
    submit(dc, accused_unit=dc.station_b, accused_text="", what="孙纪委检查时看到了。")
    submit(dc, accused_unit=dc.station_a, accused_text="", accused_person=dc.people.head)
    submit(dc, accused_unit=dc.office, accused_text="", what="钱兼职和张局长一起吃请。")
    later, _r = submit(dc, accused_unit=dc.station_b, accused_text="")
    actions.reporter_message(report=later, text="吴站长也知道。")
    from django.contrib.auth import get_user_model

    users = list(get_user_model().objects.filter(person__isnull=False))
    seen = 0
    for user in users:
        listed = set(access.visible_reports(user, dc.root).values_list("pk", flat=True))
        for report in Report.objects.all():
            assert (report.pk in listed) == access.may_handle(user, report), (user, report)
        seen += len(listed)
    assert seen  # somebody sees something
    assert all(access.handlers(r) for r in Report.objects.all())  # and every report has someone


def test_the_list_costs_the_same_for_three_reports_or_nine(
    dc, login, django_assert_max_num_queries
):
    client = login(dc.inspector)
    for _i in range(3):
        submit(dc)
    client.get("/workbench/discipline/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as three:
        assert client.get("/workbench/discipline/").status_code == 200
    for _i in range(6):
        submit(dc, accused_unit=dc.station_b, accused_text="")
    with django_assert_max_num_queries(len(three)):
        page = client.get("/workbench/discipline/")
    assert page.content.decode().count("JB") >= 9


def test_the_register_is_worded_as_the_office_writes_it(dc, login):
    report, _r = submit(dc)
    actions.report_accept(report=report, actor=dc.inspector)
    submit(dc, accused_unit=dc.station_b, accused_text="")
    html = login(dc.inspector).get("/workbench/discipline/").content.decode()
    tabs = html[html.index('class="nav nav-pills') :]
    assert ">信访举报<" in tabs and "月报" not in tabs
    assert ">处分和组织处理<" in tabs
    head = html[html.index("<thead>") : html.index("</thead>")]
    assert "收件日期" in head and "已受理" not in head
    body = html[html.index("<tbody>") :]
    assert "待受理" in body and "已受理" in body  # the states, beside a neutral date column

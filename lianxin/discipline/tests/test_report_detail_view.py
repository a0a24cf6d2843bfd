"""The inspector's page of one report: the handling record names people and steps as the
office writes them (no login names, no codes), each step's button says what it does, and
after a step the forms show what the report now holds."""

import re

from lianxin.discipline import actions
from lianxin.discipline.tests.conftest import submit


def page(client, report) -> str:
    response = client.get(f"/workbench/discipline/reports/{report.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def selected(html: str, name: str) -> str:
    """The value of the option selected in the drop-down `name`."""
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    found = re.search(r'<option value="([^"]*)"[^>]*selected', select)
    return found.group(1) if found else ""


def test_the_record_names_people_and_steps(dc, login):
    report, _r = submit(dc)
    report = actions.report_accept(report=report, actor=dc.inspector)
    actions.inspector_message(report=report, text="请问具体是哪一天？", actor=dc.inspector)
    html = page(login(dc.inspector), report)
    record = html[html.index("办理记录") :]
    assert "马纪检（纪检室）：受理" in record
    assert "马纪检（纪检室）：向举报人发送留言" in record
    assert "举报人：收到举报" in record
    for raw in ("inspector_message", "accepted", "received", ">inspector<", "· inspector"):
        assert raw not in record


def test_each_step_says_what_it_does(dc, login):
    report, _r = submit(dc)
    client = login(dc.inspector)
    html = page(client, report)
    assert re.search(r'id="step-accept">\s*受理\s*<', html)
    assert re.search(r'id="step-identify">\s*确认被举报人\s*<', html)
    assert ">保存<" not in html
    report = actions.report_accept(report=report, actor=dc.inspector)
    html = page(client, report)
    assert re.search(r'id="step-dispose">\s*确定处置方式\s*<', html)


def test_after_a_step_the_form_shows_the_choice_made(dc, login):
    report, _r = submit(dc)
    report = actions.report_accept(report=report, actor=dc.inspector, accused=dc.people.handler)
    client = login(dc.inspector)
    html = page(client, report)
    assert selected(html, "dispose-disposition") == ""  # nothing chosen for him yet
    response = client.post(
        f"/workbench/discipline/reports/{report.pk}/dispose/",
        {
            "dispose-version": report.version,
            "dispose-disposition": "verify",
            "dispose-category": "banquets",
        },
    )
    assert response.status_code == 302
    html = page(client, report)
    assert "已确定处置方式。" in html  # the message says what was done
    assert selected(html, "dispose-disposition") == "verify"
    assert selected(html, "dispose-category") == "banquets"
    assert selected(html, "identify-person") == str(dc.people.handler.pk)
    # the categories come under their headings
    assert '<optgroup label="享乐主义、奢靡之风">' in html
    assert "---------" not in html

"""Recording a penalty on its page: the decision document kept and served, a report number
that is not the inspector's refused, one document only."""

from django.core.files.uploadedfile import SimpleUploadedFile

from lianxin.core import samples
from lianxin.discipline.models import Penalty
from lianxin.discipline.tests.conftest import submit


def form(dc, **kw):
    data = {
        "person": dc.people.handler.pk, "kind": "handling", "measure": "criticism",
        "category": "formalism", "decided_on": "2026-11-20", "document_no": "测纪〔2026〕7号",
        "reason": "巡查记录弄虚作假",
    }  # fmt: skip
    data.update(kw)
    return data


def test_a_penalty_with_its_document(dc, login):
    report, _r = submit(dc)
    inspector = login(dc.inspector)
    doc = SimpleUploadedFile("决定书.pdf", samples.pdf(), "application/pdf")
    r = inspector.post(
        "/workbench/discipline/penalties/", form(dc, report=report.number, document=[doc])
    )
    assert r.status_code == 302
    penalty = Penalty.objects.get()
    assert penalty.report == report and penalty.document_type == "application/pdf"
    served = inspector.get(f"/workbench/discipline/penalties/{penalty.pk}/document/")
    assert b"".join(served.streaming_content) == samples.pdf()


def test_bad_penalty_forms_are_refused(dc, login):
    other, _r = submit(dc, accused_unit=dc.office_unit, accused_text="周主任")  # not hers
    inspector = login(dc.inspector)
    for change, message in [
        ({"report": "JB000000000000"}, "没有这个举报"),
        ({"report": other.number}, "没有这个举报"),
        ({"document": [SimpleUploadedFile("a.pdf", samples.pdf()),
                       SimpleUploadedFile("b.pdf", samples.pdf())]}, "只需一份处分决定书"),
        ({"document": [SimpleUploadedFile("决定.pdf", b"<html>", "application/pdf")]},
         "决定.pdf 不是我们接收的文件"),
    ]:  # fmt: skip
        r = inspector.post("/workbench/discipline/penalties/", form(dc, **change))
        assert r.status_code == 400 and message in r.content.decode(), message
    assert not Penalty.objects.exists()


def record_penalties(dc, start: int, n: int) -> None:
    from datetime import date

    from lianxin.discipline import actions

    people = [dc.people.handler, dc.people.handler_b, dc.people.station_leader]
    for i in range(start, start + n):
        actions.penalty_record(
            root=dc.root, person=people[i % 3], kind="handling", measure="criticism",
            category="formalism", decided_on=date(2026, 11, 1 + i),
            document_no=f"测纪〔2026〕{i}号", reason="巡查记录弄虚作假", actor=dc.inspector,
        )  # fmt: skip


def test_the_list_takes_as_many_queries_for_3_penalties_as_for_15(dc, login):
    from conftest import count_queries

    client = login(dc.inspector)
    record_penalties(dc, 0, 3)
    page, few = count_queries(client, "/workbench/discipline/penalties/")
    assert "测纪〔2026〕2号" in page.text
    record_penalties(dc, 3, 12)
    page, many = count_queries(client, "/workbench/discipline/penalties/")
    assert "测纪〔2026〕14号" in page.text
    assert many == few

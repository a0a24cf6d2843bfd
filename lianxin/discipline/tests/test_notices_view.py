"""The inspectors' page of public notices of penalties: the notices published and the
penalties still to announce, in a fixed number of queries however many."""

from conftest import count_queries
from lianxin.discipline import actions, queries

from .test_penalties_view import record_penalties

URL = "/workbench/discipline/notices/"


def publish_all(dc) -> None:
    for penalty in list(queries.unpublished_penalties(dc.inspector, dc.root)):
        actions.notice_publish(
            root=dc.root, penalty=penalty, title=f"关于{penalty.document_no}的通报",
            position="职工", conduct="巡查记录弄虚作假", actor=dc.inspector,
        )  # fmt: skip


def test_the_page_takes_as_many_queries_for_3_notices_as_for_15(dc, login):
    client = login(dc.inspector)
    record_penalties(dc, 0, 4)
    publish_all(dc)
    record_penalties(dc, 4, 2)  # not announced yet: the form's choices
    page, few = count_queries(client, URL)
    assert "关于测纪〔2026〕3号的通报" in page.text
    publish_all(dc)
    record_penalties(dc, 6, 12)
    publish_all(dc)
    record_penalties(dc, 18, 6)
    page, many = count_queries(client, URL)
    assert "关于测纪〔2026〕17号的通报" in page.text
    assert many == few

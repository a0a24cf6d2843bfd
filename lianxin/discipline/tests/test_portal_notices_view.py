"""The public page of notices of work-style cases (/notices/): the notices with the clause
each broke, in a fixed number of queries however many."""

from conftest import count_queries
from lianxin.discipline import actions, queries

from .test_penalties_view import record_penalties

URL = "/notices/"


def publish_all(dc) -> None:
    for penalty in list(queries.unpublished_penalties(dc.inspector, dc.root)):
        actions.notice_publish(
            root=dc.root, penalty=penalty, title=f"关于{penalty.document_no}的通报",
            position="职工", conduct="巡查记录弄虚作假", clause="zuofeng/3/2",
            actor=dc.inspector,
        )  # fmt: skip


def test_the_page_takes_as_many_queries_for_3_notices_as_for_15(dc, client):
    record_penalties(dc, 0, 3)
    publish_all(dc)
    page, few = count_queries(client, URL)
    assert "关于测纪〔2026〕2号的通报" in page.text and "/rules/zuofeng/3/2/" in page.text
    record_penalties(dc, 3, 12)
    publish_all(dc)
    page, many = count_queries(client, URL)
    assert "关于测纪〔2026〕14号的通报" in page.text
    assert page.text.count("/rules/zuofeng/3/2/") == 15
    assert many == few

"""The supervision orders waiting for feedback: a fixed number of queries however many."""

from django.urls import reverse

from conftest import count_queries
from lianxin.supervision import actions


def issue(cc, make_case, n: int) -> None:
    for i in range(n):
        actions.order_issue(
            case=make_case("in_progress"),
            expected=f"三日内书面报告修补进度{i}",
            workdays=3,
            flagged=i % 2 == 1,
            actor=cc.supervisor,
        )


def test_the_list_takes_as_many_queries_for_3_orders_as_for_15(cc, make_case, login):
    client = login(cc.supervisor)
    url = reverse("workbench:orders")
    issue(cc, make_case, 3)
    page, few = count_queries(client, url)
    assert page.text.count("三日内书面报告修补进度") == 3
    issue(cc, make_case, 12)
    page, many = count_queries(client, url)
    assert page.text.count("三日内书面报告修补进度") == 15
    assert many == few

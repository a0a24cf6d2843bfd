"""The workbench list of services: a fixed number of queries however many services."""

from django.urls import reverse

from conftest import count_queries
from lianxin.catalog import actions


def add_services(sv, start: int, n: int) -> None:
    for i in range(start, start + n):
        actions.service_save(
            root=sv.root, code=f"svc{i}", name=f"服务事项{i}", unit=sv.station_a, actor=sv.admin
        )


def test_the_list_takes_as_many_queries_for_3_services_as_for_15(sv, login):
    client = login(sv.admin)
    add_services(sv, 0, 2)  # and the cast's published one
    page, few = count_queries(client, reverse("workbench:services"))
    assert "服务事项1" in page.text
    add_services(sv, 2, 12)
    page, many = count_queries(client, reverse("workbench:services"))
    assert "服务事项13" in page.text and "涉路施工许可" in page.text
    assert many == few

"""The workbench list of regulations: each with its version in force, its draft and whether
the reader confirmed studying it, in a fixed number of queries however many."""

from django.urls import reverse

from conftest import count_queries
from lianxin.rules import actions

from .conftest import V1


def add_regulations(rc, start: int, n: int) -> None:
    for i in range(start, start + n):
        reg = actions.regulation_create(
            root=rc.root, code=f"reg{i}", title=f"管理办法{i}", actor=rc.admin
        )
        version = actions.version_draft(
            regulation=reg, text=V1, issued_by=rc.office, applies_to=rc.root, actor=rc.admin
        )
        if i % 2:
            version = actions.version_enforce(version=version, actor=rc.admin)
            actions.version_acknowledge(version=version, actor=rc.handler)


def test_the_list_takes_as_many_queries_for_3_regulations_as_for_15(rc, login):
    client = login(rc.handler)
    url = reverse("workbench:regulations")
    add_regulations(rc, 0, 2)  # and the cast's 干部作风规定
    page, few = count_queries(client, url)
    assert "管理办法1" in page.text
    add_regulations(rc, 2, 12)
    page, many = count_queries(client, url)
    assert "管理办法13" in page.text and "干部作风规定" in page.text
    assert many == few

"""The public list of regulations in force (/rules/) and its search of the clauses: a fixed
number of queries however many regulations."""

from django.test import Client

from conftest import count_queries
from lianxin.rules import actions
from lianxin.rules.tests.conftest import V1


def add_regulations(rc, start: int, n: int) -> None:
    for i in range(start, start + n):
        reg = actions.regulation_create(
            root=rc.root, code=f"reg{i}", title=f"第{i}号规定", actor=rc.admin
        )
        version = actions.version_draft(
            regulation=reg, text=V1, issued_by=rc.office, applies_to=rc.root, actor=rc.admin
        )
        actions.version_enforce(version=version, actor=rc.admin)


def test_the_list_takes_as_many_queries_for_3_regulations_as_for_15(rc):
    client = Client()
    add_regulations(rc, 0, 2)  # and the cast's 干部作风规定
    page, few = count_queries(client, "/rules/")
    search, few_hits = count_queries(client, "/rules/", {"q": "宴请"})
    assert "第1号规定" in page.text and "/rules/reg1/4/1/" in search.text
    add_regulations(rc, 2, 12)
    page, many = count_queries(client, "/rules/")
    search, many_hits = count_queries(client, "/rules/", {"q": "宴请"})
    assert "第13号规定" in page.text and "干部作风规定" in page.text
    assert "/rules/reg13/4/1/" in search.text
    assert (many, many_hits) == (few, few_hits)

"""The list of bulk imports: a fixed number of queries however many imports."""

from conftest import count_queries
from lianxin.intake import actions

from .test_import_views import GOOD, URL, xlsx


def check_files(cast, start: int, n: int) -> None:
    for i in range(start, start + n):
        actions.import_check(
            root=cast.root,
            channel="opinion_box",
            name=f"意见箱{i}.xlsx",
            data=xlsx([GOOD]),
            actor=cast.admin,
        )


def test_the_list_takes_as_many_queries_for_3_imports_as_for_15(cast, login):
    client = login(cast.admin)
    check_files(cast, 0, 3)
    page, few = count_queries(client, URL)
    assert "意见箱2.xlsx" in page.text
    check_files(cast, 3, 12)
    page, many = count_queries(client, URL)
    assert "意见箱14.xlsx" in page.text
    assert many == few

"""The list of bulk imports: a fixed number of queries however many imports."""

from conftest import assert_queries_fixed
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
    assert_queries_fixed(client, URL, lambda start, n: check_files(cast, start, n), "意见箱{}.xlsx")

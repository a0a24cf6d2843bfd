"""A search by words finds a case by any two neighbouring characters of its text, whatever
the script, and Latin letters in either case; on PostgreSQL through `lianxin_bigrams`, which must
give every distinct neighbouring pair, lower-cased."""

import pytest
from django.db import connection

from lianxin.cases import queries

from .conftest import receive

TEXTS = [
    "青山路K12+300处有一个大坑，晚上骑车很危险",
    "G105线ÄÖ桥头𠀀𠀁破损",
    "a",
    "",
    "AbC  abc\n换行",
]


def found(cc, q):
    page = queries.case_page(cc.dispatcher, cc.root, queries.CaseFilter(q=q))
    return {c.code for c in page}


def test_two_neighbouring_characters_find_the_case_in_any_script(cc):
    bridge, _ = receive(cc, content="G105线ÄÖ桥头𠀀𠀁破损")
    lamp, _ = receive(cc, content="青山镇路灯不亮")
    assert found(cc, "ÄÖ") == {bridge.code}  # (SQLite folds the case of Latin letters only)
    assert found(cc, "𠀀𠀁") == {bridge.code}
    assert found(cc, "g105") == {bridge.code}
    assert found(cc, "路灯") == {lamp.code}
    assert found(cc, "灯路") == set()


@pytest.mark.django_db
def test_the_bigrams_are_every_distinct_neighbouring_pair_lower_cased():
    if connection.vendor != "postgresql":  # SQLite searches through its FTS5 trigram table
        assert "cases_case_fts" in connection.introspection.table_names()
        return
    with connection.cursor() as cursor:
        for text in TEXTS:
            cursor.execute("SELECT lianxin_bigrams(%s)", [text])
            (got,) = cursor.fetchone()
            low = text.lower()
            assert sorted(got) == sorted({low[i : i + 2] for i in range(len(low) - 1)}), text

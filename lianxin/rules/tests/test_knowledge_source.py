"""Clauses in force answer the operators' knowledge-base search (cases issue)."""

from lianxin.cases.queries import KNOWLEDGE_SOURCES
from lianxin.rules.knowledge import clauses


def test_operators_find_clauses_in_force(rc, login):
    assert clauses in KNOWLEDGE_SOURCES
    [hit] = clauses(rc.root, ["宴请"])
    assert hit.title == "干部作风规定 第四条" and hit.url == "/rules/zuofeng/4/#a4-1"
    assert clauses(rc.other, ["宴请"]) == []

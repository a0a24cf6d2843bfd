"""rules.parse: pasted documents become numbered clauses; wrong numbering is named by line."""

import pytest

from lianxin.core.errors import ApplicationError
from lianxin.rules.parse import clause_label, cn_number, cn_text, parse
from lianxin.rules.tests.conftest import V1


def test_chapters_articles_and_paragraphs():
    clauses = parse(V1)
    assert [(c.chapter, c.article, c.paragraph) for c in clauses] == [
        (1, 1, 1), (1, 2, 1), (2, 3, 1), (2, 3, 2), (2, 4, 1),
    ]  # fmt: skip
    assert clauses[3].text == "工作时间不得玩手机。" and clauses[2].chapter_title == "纪律"


@pytest.mark.parametrize("n", [1, 9, 10, 11, 20, 21, 99, 100, 101, 110, 120, 199])
def test_chinese_numerals_both_ways(n):
    assert cn_number(cn_text(n)) == n


def test_labels():
    assert clause_label(3, 1) == "第三条" and clause_label(12, 2) == "第十二条第二款"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("第一条 甲\n第三条 乙", "第 2 行：第 3 条排在第 1 条之后"),
        ("第二条 甲", "第 1 行：第 2 条排在第 0 条之后"),
        ("只是一段话，没有条文。", "没有找到条文"),
    ],
)
def test_bad_numbering_is_refused_by_line(text, message):
    with pytest.raises(ApplicationError) as err:
        parse(text)
    assert message in str(err.value.message)

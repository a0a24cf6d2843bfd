"""The text of a regulation as clerks paste it from the issued document: "第一章 总则"
headings, articles starting "第一条", and each further line of an article a 款."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from lianxin.core.errors import ApplicationError

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9}  # fmt: skip
NUM = r"[零〇一二两三四五六七八九十百\d]+"
CHAPTER_RE = re.compile(rf"^第({NUM})章\s*(.*)$")
ARTICLE_RE = re.compile(rf"^第({NUM})条\s*(.*)$")
NAMES = "零一二三四五六七八九"


def cn_number(text: str) -> int:
    """一 -> 1, 十二 -> 12, 二十 -> 20, 一百零五 -> 105; Arabic digits as they are."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = DIGITS[ch]
    return total + current


def cn_text(n: int) -> str:
    """1 -> 一, 12 -> 十二, 20 -> 二十, 105 -> 一百零五, 110 -> 一百一十."""
    if n < 10:
        return NAMES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else NAMES[tens]) + "十" + (NAMES[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    head = NAMES[hundreds] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + NAMES[rest]
    return head + ("一" if rest < 20 else "") + cn_text(rest)


def clause_label(article: int, paragraph: int) -> str:
    label = f"第{cn_text(article)}条"
    return label + (f"第{cn_text(paragraph)}款" if paragraph > 1 else "")


@dataclass
class Parsed:
    chapter: int
    chapter_title: str
    article: int
    paragraph: int
    text: str


def parse(text: str) -> list[Parsed]:
    """The clauses of a text; ApplicationError naming the line when the numbering is wrong."""
    out: list[Parsed] = []
    chapter, chapter_title, article, paragraph = 0, "", 0, 0
    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.replace("\u3000", " ").strip()
        if not line:
            continue
        if m := CHAPTER_RE.match(line):
            chapter, chapter_title = cn_number(m.group(1)), m.group(2).strip()[:100]
            continue
        if m := ARTICLE_RE.match(line):
            n = cn_number(m.group(1))
            if n != article + 1:
                raise ApplicationError(
                    _("Line %(line)d: article %(n)d follows article %(prev)d.")
                    % {"line": number, "n": n, "prev": article},
                    field="text",
                )
            article, paragraph = n, 0
            line = m.group(2).strip()
            if not line:
                continue
        elif article == 0:
            continue  # the title, the issuing line, a preamble before the first article
        paragraph += 1
        out.append(Parsed(chapter, chapter_title, article, paragraph, line[:2000]))
    if not out:
        raise ApplicationError(
            _("No articles found: each article starts with 第一条, 第二条, ..."), field="text"
        )
    return out

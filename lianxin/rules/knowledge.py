"""Clauses in force as a source of the operators' knowledge base (cases issue)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lianxin.cases.queries import KnowledgeHit

from .models import Clause


def clauses(root, words: list[str]) -> list[KnowledgeHit]:
    from django.db.models import Q

    any_word = Q()
    for word in words:
        any_word |= Q(text__icontains=word)
    hits = []
    for c in Clause.objects.filter(
        any_word, version__regulation__root=root, version__status="in_force"
    ).select_related("version__regulation")[:5]:
        r = c.version.regulation
        hits.append(
            KnowledgeHit(
                _("Regulation"),
                f"{r.title} {c.label}",
                c.text,
                f"/rules/{r.code}/{c.article}/#{c.anchor}",
            )
        )
    return hits

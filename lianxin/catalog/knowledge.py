"""Published service guides as a source of the operators' knowledge base (cases issue)."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext as _

from lianxin.cases.queries import KnowledgeHit

from .models import GuideVersion


def guides(root, words: list[str]) -> list[KnowledgeHit]:
    any_word = Q()
    for word in words:
        any_word |= Q(service__name__icontains=word) | Q(conditions__icontains=word)
    hits = []
    for g in GuideVersion.objects.filter(
        any_word, service__root=root, state="published"
    ).select_related("service")[:5]:
        materials = "、".join(m["name"] for m in g.materials)
        text = _("%(name)s: done within %(n)s working days; bring %(materials)s.") % {
            "name": g.service.name,
            "n": g.promised_workdays,
            "materials": materials,
        }
        hits.append(
            KnowledgeHit(_("Service guide"), g.service.name, text, f"/services/{g.service.code}/")
        )
    return hits

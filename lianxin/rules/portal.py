"""Regulations on the public portal: those in force, searchable; each article and each 款
at its own address (/rules/<code>/<article>/#a<article>-<款>), so that a citizen can say
which clause a cadre broke; earlier versions and what changed between them."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from lianxin.org.queries import public_root as portal_root

from . import queries


def rules(request: HttpRequest) -> HttpResponse:
    root = portal_root()
    q = request.GET.get("q", "").strip()[:100]
    return render(
        request,
        "rules/portal_list.html",
        {"versions": queries.in_force(root), "q": q, "hits": queries.search(root, q) if q else []},
    )


def _version(code: str, number: int | None = None):
    v = queries.public_version(portal_root(), code, number)
    if v is None:
        raise Http404
    return v


def rule(request: HttpRequest, code: str, number: int | None = None) -> HttpResponse:
    v = _version(code, number)
    versions = queries.public_versions(v.regulation)
    return render(
        request,
        "rules/portal_rule.html",
        {"v": v, "chapters": queries.chapters(v), "versions": versions},
    )


def article(request: HttpRequest, code: str, article: int, paragraph: int | None = None):
    v = _version(code)
    clauses = queries.find_clause(v, article, paragraph)
    if not clauses:
        raise Http404
    return render(
        request,
        "rules/portal_article.html",
        {"v": v, "clauses": clauses, "article": article, "paragraph": paragraph},
    )


def diff(request: HttpRequest, code: str, old: int, new: int) -> HttpResponse:
    a, b = _version(code, old), _version(code, new)
    return render(
        request, "rules/portal_diff.html", {"old": a, "new": b, "lines": queries.diff(a, b)}
    )

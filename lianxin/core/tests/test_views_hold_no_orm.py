"""Views stay thin: no view module touches the ORM itself. Reads live in the app's
`queries.py`, permission rules in `access.py`, writes in `actions.py` (DESIGN, house rules).

The test parses every views module (`views.py`, `*_views.py`, a `views/` package) with `ast`
and names file:line for each `.objects` or QuerySet method it calls."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Methods only a QuerySet or a manager has (dicts, lists and strings have none of them).
QUERYSET_ONLY = {
    "aggregate",
    "alias",
    "annotate",
    "bulk_create",
    "bulk_update",
    "dates",
    "datetimes",
    "defer",
    "distinct",
    "earliest",
    "exclude",
    "extra",
    "filter",
    "get_or_create",
    "in_bulk",
    "latest",
    "only",
    "order_by",
    "prefetch_related",
    "raw",
    "select_for_update",
    "select_related",
    "update_or_create",
    "values_list",
}
# Methods a QuerySet shares with other types: flagged when called without positional
# arguments the way a QuerySet takes them (`.get(pk=1)`, `.count()`, `.exists()`, `.all()`,
# `.first()`, `.create(x=1)`, `.delete()` on a model or a QuerySet).
QUERYSET_SHARED_NO_ARGS = {"all", "count", "exists", "first", "last", "none", "delete", "iterator"}
QUERYSET_SHARED_KWARGS = {"get", "create", "values"}


def view_modules() -> list[Path]:
    found = set(ROOT.glob("**/*views.py")) | set(ROOT.glob("**/views/*.py"))
    return sorted(p for p in found if "tests" not in p.relative_to(ROOT).parts)


def orm_calls(source: str, where: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name) and node.id in ("get_object_or_404", "get_list_or_404"):
            found.append(f"{where}:{node.lineno}: {node.id}")
        if isinstance(node, ast.Attribute) and node.attr in ("objects", "_default_manager"):
            found.append(f"{where}:{node.lineno}: .{node.attr}")
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        name = node.func.attr
        bare = not node.args and not node.keywords
        if name in QUERYSET_ONLY or (name in QUERYSET_SHARED_NO_ARGS and bare):
            found.append(f"{where}:{node.lineno}: .{name}()")
        elif name in QUERYSET_SHARED_KWARGS and node.keywords and not node.args:
            found.append(f"{where}:{node.lineno}: .{name}(...)")
    return sorted(found, key=lambda call: int(call.split(":")[1]))


def test_the_views_modules_are_found():
    names = {str(p.relative_to(ROOT)) for p in view_modules()}
    assert {"cases/views.py", "cases/setup_views.py", "core/export_views.py"} <= names
    assert "intake/open311/views.py" in names


def test_the_guard_names_each_orm_call_with_its_line():
    source = (
        "def page(request):\n"
        "    title = request.GET.get('q', '')\n"
        "    rows = Case.objects.filter(title=title)\n"
        "    return rows.select_related('unit').count(), Unit.objects.get(pk=1)\n"
    )
    calls = orm_calls(source, "x/views.py")
    assert set(calls) == {
        "x/views.py:3: .objects",
        "x/views.py:3: .filter()",
        "x/views.py:4: .select_related()",
        "x/views.py:4: .count()",
        "x/views.py:4: .objects",
        "x/views.py:4: .get(...)",
    }


def test_no_view_calls_the_orm():
    calls = [
        call
        for path in view_modules()
        for call in orm_calls(path.read_text(), str(path.relative_to(ROOT.parent)))
    ]
    assert not calls, "views must call queries/access/actions, not the ORM:\n" + "\n".join(calls)

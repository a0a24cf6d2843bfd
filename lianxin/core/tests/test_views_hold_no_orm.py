"""Views stay thin: no view module touches the ORM itself. Reads live in the app's
`queries.py`, permission rules in `access.py`, writes in `actions.py` (DESIGN, house rules).

The test parses every views module with `ast` and names file:line for each `.objects` or
QuerySet method it calls. A views module is one named so (`views.py`, `*_views.py`, a
`views/` package) and any module of ours that holds a view of a URL pattern, whatever its
name (`portal/cases.py`, `intake/wechat.py`, ...): a new page cannot slip by under another
name. The JSON API's endpoints (django-ninja) are held to the same rule: every module named
`*api.py` and every module of ours that holds an operation of a ninja router (found from the
routers themselves, whatever the module's name)."""

from __future__ import annotations

import ast
import inspect
import sys
from collections.abc import Iterator
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver
from ninja import Router

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


def _patterns(patterns) -> Iterator[URLPattern]:
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _patterns(p.url_patterns)
        else:
            yield p


def url_view_modules() -> set[Path]:
    """The files of our modules whose functions (or classes) are views of a URL pattern."""
    found = set()
    for pattern in _patterns(get_resolver().url_patterns):
        view = inspect.unwrap(pattern.callback)  # through decorators that wrap properly
        view = getattr(view, "view_class", view)
        module = sys.modules.get(getattr(view, "__module__", "") or "")
        path = Path(getattr(module, "__file__", "") or "/").resolve()
        if path.is_relative_to(ROOT):
            found.add(path)
    return found


def view_modules() -> list[Path]:
    found = set(ROOT.glob("**/*views.py")) | set(ROOT.glob("**/views/*.py")) | url_view_modules()
    return sorted(p for p in found if "tests" not in p.relative_to(ROOT).parts)


def router_modules() -> set[Path]:
    """The files of our modules that hold an operation of a ninja router: every `Router` of
    our loaded modules (loading the URLs loads the API and every router it mounts), each
    path's operations, the module of each operation's function."""
    _ = get_resolver().url_patterns  # loading the URLs loads the API and its routers
    routers = {
        id(value): value
        for name, module in list(sys.modules.items())
        if name == "lianxin" or name.startswith("lianxin.")
        for value in vars(module).values()
        if isinstance(value, Router)
    }
    found = set()
    for router in routers.values():
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                view = inspect.unwrap(operation.view_func)
                module = sys.modules.get(getattr(view, "__module__", "") or "")
                path = Path(getattr(module, "__file__", "") or "/").resolve()
                if path.is_relative_to(ROOT):
                    found.add(path)
    return found


def api_modules() -> list[Path]:
    found = set(ROOT.glob("**/*api.py")) | router_modules()
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
    assert {  # views under other names, found from the URL patterns
        "portal/cases.py",
        "portal/board.py",
        "portal/services.py",
        "intake/wechat.py",
        "discipline/portal.py",
        "rules/portal.py",
        "org/record.py",
    } <= names


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


def test_the_api_modules_are_found():
    from_routers = {str(p.relative_to(ROOT)) for p in router_modules()}
    assert {  # the routers' operations, by the module of each endpoint's function
        "cases/api.py",  # the steps' endpoints are made in a loop (`_step_route`)
        "cases/setup_api.py",
        "catalog/api.py",
        "catalog/guides_api.py",
        "catalog/request_api.py",
        "catalog/review_api.py",
        "discipline/api.py",
        "liaison/api.py",
        "liaison/points_api.py",
        "mediation/api.py",
        "org/api.py",
        "partywork/api.py",
        "partywork/study_api.py",  # a router mounted on partywork's, not on the API
        "rules/api.py",
        "stats/api.py",
    } <= from_routers
    assert "api/api.py" in {str(p.relative_to(ROOT)) for p in api_modules()}


def test_no_api_endpoint_calls_the_orm():
    calls = [
        call
        for path in api_modules()
        for call in orm_calls(path.read_text(), str(path.relative_to(ROOT.parent)))
    ]
    assert not calls, "API endpoints must call queries/access/actions, not the ORM:\n" + "\n".join(
        calls
    )

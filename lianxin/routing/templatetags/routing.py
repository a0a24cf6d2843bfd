"""`{% hotspots_link month %}`: the scorecard's button to the month's hotspots, for those who
may open them (the menu entries are registered in routing/lianxin_hooks.py)."""

from __future__ import annotations

from django import template

from lianxin.org import access as org_access
from lianxin.routing import access

register = template.Library()


def _may(context) -> dict:
    """What the user may open of routing, read once per request."""
    request = context.get("request")
    cached = getattr(request, "_routing_may", None)
    if cached is not None:
        return cached
    user = getattr(request, "user", None)
    root = org_access.home_root(user) if user is not None and user.is_authenticated else None
    may = {
        "hotspots": bool(root and access.may_see_hotspots(user, root)),
        "setup": bool(root and access.may_set_up(user, root)),
    }
    if request is not None:
        request._routing_may = may
    return may


@register.inclusion_tag("routing/_hotspots_link.html", takes_context=True)
def hotspots_link(context, month):
    """A button to the month's hotspots (每月一题) on the scorecards, for those who may open
    them."""
    return {"show": _may(context)["hotspots"], "month": month}

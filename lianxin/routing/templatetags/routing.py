"""`{% routing_menu %}`: the hotspots and routing setup entries of the workbench menu, for
those who may open them."""

from __future__ import annotations

from django import template

from lianxin.org import access as org_access
from lianxin.routing import access

register = template.Library()


@register.inclusion_tag("routing/_menu.html", takes_context=True)
def routing_menu(context):
    user = getattr(context.get("request"), "user", None)
    root = org_access.home_root(user) if user is not None and user.is_authenticated else None
    return {
        "hotspots": bool(root and access.may_see_hotspots(user, root)),
        "setup": bool(root and access.may_set_up(user, root)),
    }

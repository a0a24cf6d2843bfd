"""The public site's frame: the menu with its current-page marker, the hotline and the
footer a Chinese government site carries (主办单位, ICP备案号, 公安机关备案号, 网站标识码),
each read from settings and shown only when set (docs/portal.md)."""

from __future__ import annotations

import re

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

register = template.Library()

# (url name, label, the url names of the pages that belong to the entry)
MENU = [
    ("home", _("Home"), ()),
    ("submit", _("Write to us"), ()),
    ("track", _("Follow my case"), ("track_phone", "track_phone_code", "track_case")),
    ("board", _("Message board"), ("board_post", "board_case")),
    ("services", _("Services"), ("commitments", "reviews", "review", "service")),
    ("figures", _("Our figures"), ()),
    (
        "rules",
        _("Regulations"),
        ("rule", "rule_version", "rule_diff", "rule_article", "rule_clause"),
    ),
    ("report", _("Report misconduct"), ("report_follow", "report_progress")),
]


@register.inclusion_tag("portal/_menu.html", takes_context=True)
def portal_menu(context) -> dict:
    """The menu; the entry of the page shown carries aria-current="page" (its section's
    pages: aria-current="true") and the class `active` that marks it visibly."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    current = match.url_name if match and match.namespace == "portal" else None
    entries = []
    for name, label, pages in MENU:
        state = "page" if current == name else "true" if current in pages else ""
        entries.append({"url": reverse(f"portal:{name}"), "label": label, "current": state})
    return {"entries": entries}


def _psb_number(record: str) -> str:
    """The digits of a 公安机关备案号 (浙公网安备 33010602011771号 -> 33010602011771)."""
    return re.sub(r"\D", "", record)


@register.simple_tag
def hotline() -> str:
    return settings.LIANXIN_HOTLINE


@register.inclusion_tag("portal/_footer.html")
def portal_footer() -> dict:
    psb = settings.LIANXIN_PSB_RECORD
    return {
        "hotline": settings.LIANXIN_HOTLINE,
        "sponsor": settings.LIANXIN_SITE_SPONSOR,
        "icp": settings.LIANXIN_ICP_RECORD,
        "psb": psb,
        "psb_number": _psb_number(psb),
        "site_code": settings.LIANXIN_SITE_CODE,
    }

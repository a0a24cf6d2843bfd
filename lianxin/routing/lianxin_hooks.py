"""What routing contributes to core's registries: the Hotspots and Routing setup menu
entries (for those its access.py lets open them) and the demo rules and road sections."""

from django.utils.translation import gettext_lazy as _

from lianxin.core import demo, menu
from lianxin.org.access import root_of_request_user

from . import access


def _may(check):
    def visible(user) -> bool:
        root = root_of_request_user(user)
        return bool(root and check(user, root))

    return visible


menu.register(
    menu.Entry(
        "hotspots",
        _("Hotspots"),
        "workbench:routing_hotspots",
        "fire",
        140,
        _may(access.may_see_hotspots),
    )
)
menu.register(
    menu.Entry(
        "routing_setup",
        _("Routing setup"),
        "workbench:routing_setup",
        "signpost-split",
        150,
        _may(access.may_set_up),
    )
)


def _load(state: dict) -> None:
    from .demo_data import load_demo_routing

    load_demo_routing(state["units"])


demo.register("routing", _load, order=90, after=("org", "cases"))

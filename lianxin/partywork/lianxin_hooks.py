"""What partywork contributes to core's registries: the Party work menu entry and the demo
study sessions, guidance, plans and reports."""

from django.utils.translation import gettext_lazy as _

from lianxin.core import demo, menu
from lianxin.org.access import opens_workbench_pages

menu.register(
    menu.Entry(
        "partywork", _("Party work"), "workbench:partywork", "flag", 80, opens_workbench_pages
    )
)


def _load(state: dict) -> None:
    from .demo_data import load_demo_partywork

    load_demo_partywork(state["units"])


demo.register("partywork", _load, order=20, after=("org",))

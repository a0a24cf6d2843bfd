"""What partywork contributes to core's registries: the Party work menu entry, the exports
of the grid of reports and of a month's plans and reports, and the demo study sessions,
guidance, plans and reports."""

from django.utils.translation import gettext_lazy as _

from lianxin.core import demo, exportjobs, menu
from lianxin.org.access import opens_workbench_pages

from . import exports

menu.register(
    menu.Entry(
        "partywork", _("Party work"), "workbench:partywork", "flag", 80, opens_workbench_pages
    )
)


def _load(state: dict) -> None:
    from .demo_data import load_demo_partywork

    load_demo_partywork(state["units"])


demo.register("partywork", _load, order=20, after=("org",))

exportjobs.register(
    "party_grid", allowed=exports.grid_allowed, table=exports.grid_table, title=exports.grid_title
)
exportjobs.register(
    "party_month",
    allowed=exports.month_allowed,
    table=exports.month_table,
    title=exports.month_title,
)

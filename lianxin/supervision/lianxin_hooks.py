"""What supervision contributes to core's registries: the Inspection and Rectification
ledger menu entries and the demo inspections."""

from django.utils.translation import gettext_lazy as _

from lianxin.core import demo, menu
from lianxin.org.access import opens_workbench_pages

menu.register(
    menu.Entry(
        "inspections",
        _("Inspection"),
        "workbench:inspections",
        "clipboard-check",
        30,
        opens_workbench_pages,
    )
)
menu.register(
    menu.Entry(
        "ledger",
        _("Rectification ledger"),
        "workbench:ledger",
        "list-check",
        40,
        opens_workbench_pages,
    )
)


def _load(state: dict) -> None:
    from .demo_data import load_demo_supervision

    load_demo_supervision(state["units"])


demo.register("supervision", _load, order=80, after=("org", "cases"))

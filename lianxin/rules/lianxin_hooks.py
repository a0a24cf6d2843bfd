"""What rules contributes to core's registries: the Regulations menu entry and the demo
regulations, versions and acknowledgements."""

from django.utils.translation import gettext_lazy as _

from lianxin.core import demo, menu
from lianxin.org.access import opens_workbench_pages

menu.register(
    menu.Entry(
        "regulations",
        _("Regulations"),
        "workbench:regulations",
        "book",
        90,
        opens_workbench_pages,
    )
)


def _load(state: dict) -> None:
    from .demo_data import load_demo_rules

    load_demo_rules(state["units"])


demo.register("rules", _load, order=60, after=("org",))

"""What rules contributes to core's registries: the Regulations menu entry, the export of a
version's study table and the demo regulations, versions and acknowledgements."""

from django.utils.translation import gettext_lazy as _

from lianxin.core import demo, exportjobs, menu
from lianxin.org.access import opens_workbench_pages

from . import exports

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

exportjobs.register("rule_study", allowed=exports.allowed, table=exports.table, title=exports.title)

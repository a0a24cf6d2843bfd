"""What stats contributes to core's registries: the Scorecards menu entry, the export of
the monthly report and the demo's frozen months (loaded last: they freeze everything loaded
before)."""

from django.utils.translation import gettext_lazy as _

from lianxin.core import demo, exportjobs, menu
from lianxin.org.access import opens_workbench_pages

from . import exports

menu.register(
    menu.Entry(
        "scorecards",
        _("Scorecards"),
        "workbench:scorecards",
        "bar-chart",
        20,
        opens_workbench_pages,
    )
)


def _load(state: dict) -> None:
    from .demo_data import load_demo_stats

    load_demo_stats(state["units"])


demo.register("stats", _load, order=1000, after=("org",))
exportjobs.register("scorecards", allowed=exports.allowed, table=exports.table, title=exports.title)

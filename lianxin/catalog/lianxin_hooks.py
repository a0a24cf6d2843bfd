"""What catalog contributes to core's registries: the Services menu entry, the export of
the register of requests and the demo service guides, commitments and requests."""

from django.utils.translation import gettext_lazy as _

from lianxin.core import demo, exportjobs, menu
from lianxin.org.access import opens_workbench_pages

from . import exports

menu.register(
    menu.Entry(
        "services",
        _("Services"),
        "workbench:services",
        "journal-check",
        70,
        opens_workbench_pages,
    )
)


def _load(state: dict) -> None:
    from .demo_data import load_demo_catalog

    load_demo_catalog(state["units"])


demo.register("catalog", _load, order=30, after=("org",))


exportjobs.register(
    "service_requests", allowed=exports.allowed, table=exports.table, title=exports.title
)

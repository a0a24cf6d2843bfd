"""What mediation contributes to core's registries: the Mediation menu entry (its demo
disputes are loaded with liaison's visits)."""

from django.utils.translation import gettext_lazy as _

from lianxin.core import menu
from lianxin.org.access import opens_workbench_pages

menu.register(
    menu.Entry(
        "disputes", _("Mediation"), "workbench:disputes", "people", 60, opens_workbench_pages
    )
)

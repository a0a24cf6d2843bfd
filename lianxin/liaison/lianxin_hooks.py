"""What liaison contributes to core's registries: the Diary menu entry (a person's own
民情日记: a login without a staff profile has none), the export of a month of diaries and
the demo contact work."""

from django.utils.translation import gettext_lazy as _

from lianxin.core import demo, exportjobs, menu
from lianxin.org.access import opens_workbench_pages, person_of

from . import exports


def _has_diary(user) -> bool:
    return opens_workbench_pages(user) and person_of(user) is not None


menu.register(
    menu.Entry("diary", _("Diary"), "workbench:diary", "journal-richtext", 50, _has_diary)
)


def _load(state: dict) -> None:
    from .demo_data import load_demo_liaison

    load_demo_liaison(state["units"])


demo.register("liaison", _load, order=40, after=("org", "cases"))

exportjobs.register(
    "liaison_diaries", allowed=exports.allowed, table=exports.table, title=exports.title
)

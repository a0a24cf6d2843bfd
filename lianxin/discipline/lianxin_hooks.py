"""What discipline contributes to core's registries: the Discipline menu entry and the
`is_inspector` flag for those on a step of the fallback (the rule of its register page),
the exports of its two registers and the demo misconduct reports."""

from django.utils.translation import gettext_lazy as _

from lianxin.core import context, demo, exportjobs, menu
from lianxin.org.access import root_of_request_user

from . import access, exports


def _handles_reports(user) -> bool:
    root = root_of_request_user(user)
    return bool(root and access.in_fallback(user, root))


context.register("is_inspector", lambda request: access.inspects_any(request.user))
menu.register(
    menu.Entry(
        "discipline", _("Discipline"), "workbench:reports", "shield-check", 100, _handles_reports
    )
)


def _load(state: dict) -> None:
    from .demo_data import load_demo_discipline

    load_demo_discipline(state["units"])


demo.register("discipline", _load, order=70, after=("org", "rules"))


exportjobs.register(
    "discipline_reports",
    allowed=exports.reports_allowed,
    table=exports.reports_table,
    title=exports.reports_title,
)
exportjobs.register(
    "discipline_penalties",
    allowed=exports.penalties_allowed,
    table=exports.penalties_table,
    title=exports.penalties_title,
)

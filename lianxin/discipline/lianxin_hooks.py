"""What discipline contributes to core's registries: the Discipline menu entry and the
`is_inspector` flag for those on a step of the fallback (the rule of its register page),
the exports of its two registers and the demo misconduct reports."""

from django.utils.translation import gettext_lazy as _

from lianxin.core import context, demo, exportjobs, menu
from lianxin.org.access import root_of_request_user

from . import access


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


def _export(name):
    def call(user, filters):
        from . import exports

        return getattr(exports, name)(user, filters)

    return call


for _kind in ("reports", "penalties"):
    exportjobs.register(
        f"discipline_{_kind}",
        allowed=_export(f"{_kind}_allowed"),
        table=_export(f"{_kind}_table"),
        title=_export(f"{_kind}_title"),
    )

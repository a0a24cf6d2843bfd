"""What org contributes to core's registries: the answers about a login (core.users), the
`is_admin` flag of every template, the Units and People menu entries, the greeting and roles
on the plain home, the roster's export and the demo organisation (loaded first)."""

from django.utils.translation import gettext_lazy as _

from lianxin.core import context, demo, exportjobs, homes, menu, users

from . import access, exports

users.register(users.STAFF, access.is_staff_member)
users.register(users.ADMIN, access.is_any_admin)
users.register(users.POWER, access.needs_second_factor)

context.register("is_admin", lambda request: access.is_any_admin(request.user))

_open = access.opens_workbench_pages
menu.register(menu.Entry("units", _("Units"), "workbench:unit_tree", "diagram-3", 120, _open))
menu.register(menu.Entry("people", _("People"), "workbench:people_list", "people", 130, _open))


def _person_panel(request):
    person = access.person_of(request.user)
    return ("org/_home_person.html", {"person": person}) if person else None


def _roles_panel(request):
    person = access.person_of(request.user)
    if person is None:
        return None
    grants = list(person.grants.select_related("unit").order_by("unit__path"))
    return ("org/_home_roles.html", {"grants": grants})


homes.register_panel(_person_panel, order=0)
homes.register_panel(_roles_panel, order=50)


def _load(state: dict) -> None:
    from .demo_org import load_demo_org

    state["units"] = load_demo_org()


def _summary(state: dict, write) -> None:
    from .demo_org import summary

    summary(state["units"], write)


demo.register("org", _load, order=0, summary=_summary)

exportjobs.register("roster", allowed=exports.allowed, table=exports.table, title=exports.title)

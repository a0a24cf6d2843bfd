"""Core's own menu entries (found like every app's `lianxin_hooks.py`)."""

from django.utils.translation import gettext_lazy as _

from . import menu, users


def _unread(user) -> int:
    from .models import Notice

    return Notice.objects.filter(recipient=user, read_at=None).count()


def _staff(user) -> bool:
    return users.ask(users.STAFF, user)


def _admin(user) -> bool:
    return users.ask(users.ADMIN, user)


def _superuser(user) -> bool:
    return bool(getattr(user, "is_superuser", False))


menu.register(menu.Entry("home", _("Home"), "workbench:home", "house", 0, _staff))
menu.register(
    menu.Entry("inbox", _("Inbox"), "workbench:inbox", "bell", 110, _staff, badge=_unread)
)
menu.register(
    menu.Entry(
        "calendar", _("Working-day calendar"), "workbench:calendar", "calendar3", 160, _admin
    )
)
menu.register(menu.Entry("admin", _("System records"), "admin:index", "gear", 170, _superuser))

"""The values every page's template sees. Apps add theirs (the administrator's and the
inspector's flags...) in their `lianxin_hooks.py` with `register(name, value)`, where value is
a function of the request; a template calls it only when it reads the name.
"""

from collections.abc import Callable

from django.conf import settings

from . import menu

_values: dict[str, Callable] = {}


def register(name: str, value: Callable) -> None:
    _values[name] = value


def _lazy(value: Callable, request) -> Callable:
    cache: list = []

    def read():
        if not cache:
            cache.append(value(request))
        return cache[0]

    return read


def site(request):
    def unread_notices():
        if not request.user.is_authenticated:
            return 0
        from .models import Notice

        return Notice.objects.filter(recipient=request.user, read_at=None).count()

    def menu_entries():
        return menu.entries_for(getattr(request, "user", None))

    values = {name: _lazy(value, request) for name, value in _values.items()}
    return {
        **values,
        "unread_notices": _lazy(lambda r: unread_notices(), request),
        "menu_entries": _lazy(lambda r: menu_entries(), request),
        "SITE_NAME": settings.LIANXIN_SITE_NAME,
        "ORG_NAME": settings.LIANXIN_ORG_NAME,
        "SECOND_FACTOR_OFF": not getattr(settings, "LIANXIN_REQUIRE_OTP", True),
    }

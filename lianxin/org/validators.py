"""Checks on organisation data that give the user a clear message."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from lianxin.core.errors import ApplicationError

MOBILE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")


def normalize_phone(raw: str, *, field: str = "phone") -> str:
    """A mainland mobile (13812345678) or landline (0571-88888888) number, or ''."""
    phone = re.sub(r"[\s()（）]", "", raw or "")
    if phone.startswith("+86"):
        phone = phone[3:]
    if not phone:
        return ""
    if MOBILE.match(phone) or LANDLINE.match(phone):
        return phone
    raise ApplicationError(
        _(
            "%(phone)s is not a valid phone number: enter an 11-digit mobile number "
            "or a landline with its area code, like 0571-88886666."
        )
        % {"phone": raw},
        field=field,
    )


def clean_name(raw: str, *, field: str = "name", max_length: int = 50) -> str:
    name = " ".join((raw or "").split())
    if not name:
        raise ApplicationError(_("The name cannot be empty."), field=field)
    if len(name) > max_length:
        raise ApplicationError(
            _("The name is longer than %(n)s characters.") % {"n": max_length}, field=field
        )
    return name

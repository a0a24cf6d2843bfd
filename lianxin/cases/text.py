"""How a case's personal data is shown when it must be masked; how long a case has
waited, as an office says it ("2天3小时")."""

from __future__ import annotations

from datetime import timedelta

from django.utils.translation import gettext as _

from lianxin.core.text import cut_address, mask_name, mask_phone, redact

from .models import Case


def masked_contact(case: Case) -> dict:
    return {
        "name": mask_name(case.citizen_name),
        "phone": mask_phone(case.citizen_phone),
        "email": ("***@" + case.citizen_email.split("@")[-1]) if case.citizen_email else "",
    }


def public_view(case: Case) -> dict:
    """What the message board shows of a case: names to 某某, numbers masked, the address
    cut to the community."""
    names = [case.citizen_name]
    return {
        "code": case.code,
        "title": redact(case.title, names),
        "content": redact(case.content, names),
        "place": cut_address(case.place),
        "reply": redact(case.reply, names),
        "name": mask_name(case.citizen_name) if case.citizen_name else "",
    }


def waited(delta: timedelta) -> str:
    """A waiting time in days and hours ("2天3小时"), hours and minutes under a day,
    minutes under an hour."""
    minutes = max(0, int(delta.total_seconds()) // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        if hours:
            return _("%(days)d d %(hours)d h") % {"days": days, "hours": hours}
        return _("%(days)d d") % {"days": days}
    if hours:
        return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    if minutes:
        return _("%(minutes)d min") % {"minutes": minutes}
    return _("under a minute")

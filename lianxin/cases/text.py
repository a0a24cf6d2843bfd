"""How a case's personal data is shown when it must be masked."""

from __future__ import annotations

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

"""Lifting a flagged supervision (摘牌): the case leaves the public notice, with a reason."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from lianxin.core.errors import ApplicationError

from ..models import Case, Supervision
from .base import MAX_REASON, _open, _save, _text


def case_lift_flag(*, case: Case, reason: str, actor, version=None) -> Case:
    reason = _text(reason, field="reason", label=_("The reason"), limit=MAX_REASON)
    with transaction.atomic():
        case, step = _open(case, "lift_flag", actor, version)
        if case.supervision != Supervision.FLAGGED:
            raise ApplicationError(_("The case is not under flagged supervision."))
        case.supervision = Supervision.SUPERVISED
        case.public_notice = False
        _save(case, step, actor, note=reason, public=True)
    return case

"""转纪检: the case is closed as transferred to the discipline office (the report itself is
made by supervision.actions.complaint_transfer, which calls this); its clocks stop and, from
now on, only the organisation's dispatchers and supervisors see it (access.case_roles)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from lianxin.core import clock

from .. import dispatching, notices, warnings
from ..models import Case
from .base import MAX_REASON, _open, _save, _text


def case_transfer(*, case: Case, citizen_text: str = "", actor, version=None) -> Case:
    citizen_text = _text(
        citizen_text, field="citizen_text", label=_("The message"), required=False,
        limit=MAX_REASON,
    )  # fmt: skip
    with transaction.atomic():
        case, step = _open(case, "transfer", actor, version)
        case.closed_at = clock.now()
        _save(case, step, actor, public=True)
        dispatching.finish(case)
        warnings.finish(case, warnings.ACCEPT, warnings.REPLY)
        for kind in ("case.accept", "case.reply", "case.autoclose"):
            clock.finish(kind, case.pk)
        notices.tell_citizen(case, citizen_text or _("transferred to the discipline office."))
    return case

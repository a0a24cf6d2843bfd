"""Not accepting an item (不予受理/无效件): outside our remit, a repeated call on a case
already open (linked to it), or no real content. Closed at once, counted apart."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from lianxin.core import clock
from lianxin.core.errors import ApplicationError

from .. import dispatching, notices
from ..models import OPEN_STATUSES, Case, DeclineReason
from .base import MAX_REASON, _open, _save, _text


def case_decline(
    *, case: Case, reason: str, note: str = "", original: Case | None = None, actor, version=None
) -> Case:
    if reason not in DeclineReason.values:
        raise ApplicationError(_("Choose why the item is not accepted."), field="reason")
    note = _text(
        note,
        field="note",
        label=_("The explanation"),
        required=reason == DeclineReason.OUTSIDE_REMIT,
        limit=MAX_REASON,
    )
    with transaction.atomic():
        case, step = _open(case, "decline", actor, version)
        repeat_of: Case | None = None
        if reason == DeclineReason.REPEAT:
            if (
                original is None
                or original.pk == case.pk
                or original.root_id != case.root_id
                or original.status not in OPEN_STATUSES
            ):
                raise ApplicationError(
                    _("Give the code of the open case this call repeats."), field="original"
                )
            case.merged_into = repeat_of = original
        case.decline_reason = reason
        case.closed_at = clock.now()
        data = {"reason": reason, "original": repeat_of.code if repeat_of is not None else ""}
        _save(case, step, actor, note=note, public=True, data=data)
        dispatching.finish(case)
        if reason == DeclineReason.OUTSIDE_REMIT:
            notices.tell_citizen(case, _("not accepted: %(why)s") % {"why": note[:200]})
        elif repeat_of is not None:
            notices.tell_citizen(
                case, _("already being handled as case %(code)s.") % {"code": repeat_of.code}
            )
    return case

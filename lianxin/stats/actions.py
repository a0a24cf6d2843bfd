"""Freezing a month's scorecards, recomputing with a reason, commenting on a unit's month."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lianxin.core import clock
from lianxin.core.actor import is_system, login_of
from lianxin.core.audit import record_event
from lianxin.core.errors import ApplicationError
from lianxin.core.months import first_of, next_month
from lianxin.core.text import clean_text
from lianxin.org.access import is_admin_of, person_of
from lianxin.org.models import Unit

from . import access, metrics
from .models import MonthComment, Snapshot


def _check_ended(month: date) -> None:
    if next_month(month) > timezone.localdate(clock.now()):
        raise ApplicationError(
            _("%(month)s has not ended yet: a month can be frozen only after its last day.")
            % {"month": month.strftime("%Y-%m")},
            field="month",
            code="not_ended",
        )


def scorecard_freeze(*, root: Unit, month: date, actor, reason: str = "") -> Snapshot:
    """Freeze an organisation's month (the clock, the command, the demo: `Actor.system`; else
    an administrator), or recompute a frozen one with a reason (the old snapshot is kept and
    stays listed). A month already frozen is refused without a reason."""
    month = first_of(month)
    reason = clean_text(reason, field="reason", label=_("The reason"), required=False, limit=1000)
    if not is_system(actor) and not is_admin_of(actor, root):
        raise PermissionDenied
    _check_ended(month)
    with transaction.atomic():
        current = (
            Snapshot.objects.select_for_update()
            .filter(root=root, month=month, is_current=True)
            .first()
        )
        if current is not None and not reason:
            raise ApplicationError(
                _("%(month)s is already frozen: give the reason for recomputing it.")
                % {"month": month.strftime("%Y-%m")},
                field="reason",
                code="reason_required",
            )
        if current is not None:
            current.is_current = False
            current.save(update_fields=["is_current", "updated_at"])
        snapshot = Snapshot.objects.create(
            root=root,
            month=month,
            computed_at=clock.now(),
            computed_by=login_of(actor),
            reason=reason if current is not None else "",
            data=metrics.compute(root, month),
        )
        record_event(
            actor=actor,
            action="scorecard.recompute" if current is not None else "scorecard.freeze",
            obj=snapshot,
            before={"snapshot": current.pk} if current is not None else None,
            after={"month": month.strftime("%Y-%m"), "reason": snapshot.reason},
        )
        clock.finish("stats.freeze", f"{root.pk}:{month:%Y-%m}")
    return snapshot


def month_comment(*, unit: Unit, month: date, text: str, actor) -> MonthComment:
    """The level above writes its comment on a unit's month."""
    author = person_of(actor)
    if author is None or not access.comments_on(actor, unit):
        raise PermissionDenied
    text = clean_text(text, field="text", label=_("The comment"), limit=2000)
    month = first_of(month)
    if month > first_of(timezone.localdate(clock.now())):
        raise ApplicationError(_("Choose a month that has begun."), field="month")
    with transaction.atomic():
        comment = MonthComment.objects.create(unit=unit, month=month, author=author, text=text)
        record_event(
            actor=actor,
            action="scorecard.comment",
            obj=comment,
            after={"unit": unit.pk, "month": month.strftime("%Y-%m")},
        )
    return comment

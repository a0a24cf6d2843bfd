"""Discipline deadlines on the one clock: acceptance (15 working days from receipt) and
feedback to the reporter (15 working days from the conclusion); the handlers hear when one
passes."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lianxin.core import clock

from .models import Report, Status


def _overdue(kind_status: str, title):
    def on_due(item) -> None:
        from .actions import _tell_handlers

        report = Report.objects.filter(pk=int(item.object_id)).select_related("root").first()
        if report is not None and report.status == kind_status:
            _tell_handlers(report, str(title))

    return on_due


def register() -> None:
    clock.register(
        "discipline.accept", on_due=_overdue(Status.RECEIVED, _("Acceptance is overdue"))
    )
    clock.register(
        "discipline.feedback",
        on_due=_overdue(Status.CONCLUDED, _("Feedback to the reporter is overdue")),
    )

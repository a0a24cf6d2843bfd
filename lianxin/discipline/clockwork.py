"""Discipline deadlines on the one clock: acceptance (15 working days from receipt) and
feedback to the reporter (15 working days from the conclusion); the handlers hear when one
passes. An unaccepted report escalates 5 working days after its due time: it moves one step
up (the organ's leader, then its party secretary) with a new deadline, and escalates again.

New reports and reporters' messages reach the handlers' inbox through the clock at the
start of the next day ("discipline.tell"), so no inbox row dates what a reporter did."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lianxin.core import clock
from lianxin.core.actor import Actor

from .models import Report, Status


def _report(item) -> Report | None:
    pk = str(item.object_id).split(".")[0]
    return (
        Report.objects.filter(pk=int(pk)).select_related("root").first() if pk.isdigit() else None
    )


def _overdue(kind_status: str, title):
    def on_due(item) -> None:
        from .actions import _tell_handlers

        report = _report(item)
        if report is not None and report.status == kind_status:
            _tell_handlers(report, str(title))

    return on_due


def _escalate(item) -> None:
    from .actions import report_escalate

    report = _report(item)
    if report is not None:
        report_escalate(report=report, actor=Actor.system("clock"))


def _tell(item) -> None:
    from .actions import _tell_handlers

    report = _report(item)
    if report is not None and report.status != Status.CLOSED:
        _tell_handlers(report, _("A misconduct report or a reporter's message awaits you"))


def register() -> None:
    clock.register(
        "discipline.accept",
        on_due=_overdue(Status.RECEIVED, _("Acceptance is overdue")),
        on_escalate=_escalate,
    )
    clock.register(
        "discipline.feedback",
        on_due=_overdue(Status.CONCLUDED, _("Feedback to the reporter is overdue")),
    )
    clock.register("discipline.tell", on_due=_tell)

"""What the clock does for cases: remind when the accept or reply deadline passes, have the
organ supervise 5 working days later, and close replied cases nobody rated after 7 days."""

from __future__ import annotations

from contextlib import suppress

from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError

from . import workflow as wf
from .models import Case, Supervision

CLOCK = Actor.system("clock")


def _case(item) -> Case | None:
    return Case.objects.filter(pk=int(item.object_id)).first()


def remind(item) -> None:
    from .actions import case_remind

    case = _case(item)
    if case is None or case.status not in (wf.D, wf.P):
        return
    with suppress(ApplicationError):  # the case moved on since the item fell due
        case_remind(case=case, actor=CLOCK)


def remind_many(items) -> None:
    """The reminders of a whole clock batch in bulk writes (core.clock falls back to
    `remind` one by one if this fails)."""
    from .actions.clockwork import case_remind_many

    case_remind_many(case_ids=[int(item.object_id) for item in items])


def supervise(item) -> None:
    from .actions import case_supervise

    case = _case(item)
    if (
        case is None
        or case.status not in (wf.D, wf.P)
        or case.supervision >= Supervision.SUPERVISED
    ):
        return
    with suppress(ApplicationError):  # the case moved on since the item fell due
        case_supervise(
            case=case,
            level=Supervision.SUPERVISED,
            actor=CLOCK,
        )


def autoclose(item) -> None:
    from .actions import case_autoclose

    case = _case(item)
    if case is None or case.status != wf.Y:
        return
    with suppress(ApplicationError):  # the case moved on since the item fell due
        case_autoclose(case=case)


def register_handlers() -> None:
    clock.register("case.accept", on_due=remind, on_due_many=remind_many, on_escalate=supervise)
    clock.register("case.reply", on_due=remind, on_due_many=remind_many, on_escalate=supervise)
    clock.register("case.autoclose", on_due=autoclose)
    from . import dispatching, warnings

    dispatching.register()
    warnings.register()

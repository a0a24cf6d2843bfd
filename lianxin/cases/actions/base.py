"""What every case action shares: text checks, locking, the version check, saving."""

from __future__ import annotations

import re
from datetime import datetime

from django.utils.translation import gettext as _

from lianxin.core import clock
from lianxin.core.actor import as_actor
from lianxin.core.errors import ApplicationError
from lianxin.core.text import clean_text
from lianxin.org.access import person_of
from lianxin.org.models import Person, Unit

from .. import access, deadlines, warnings
from .. import workflow as wf
from ..models import Attachment, Case
from ..timeline import add_event

MAX_TEXT = 5000
MAX_REASON = 1000
UNSATISFIED_MAX = 2


def _text(value: str, *, field: str, label, required=True, limit=MAX_TEXT) -> str:
    return clean_text(value, field=field, label=label, required=required, limit=limit)


# What a stock answer leaves for the writer to fill in: X月X日, XX, 某某, ××, ○○, blanks.
PLACEHOLDER = re.compile(
    r"(?:[XxＸｘ×]+\s*(?:年|月|日|号|时|点|分钟|天|个工作日))+"
    r"|(?<![A-Za-z])[XxＸｘ]{2,}(?![A-Za-z])"
    r"|某某|[×○〇]{2,}|_{3,}|＿+"
)


def _filled_in(text: str, *, field: str) -> str:
    """Refuse a reply that still has a stock answer's placeholder: it would reach the
    citizen as "X月X日"."""
    found = PLACEHOLDER.search(text)
    if found:
        raise ApplicationError(
            _(
                "The reply still contains a placeholder to fill in: “%(text)s”. Write the real "
                "date, name or figure before sending it."
            )
            % {"text": found.group(0)},
            field=field,
        )
    return text


def _open(case: Case, action: str, actor, version: int | None) -> tuple[Case, wf.Step]:
    """Lock the case row, check the version the actor saw, and check the step."""
    locked = (
        Case.objects.select_for_update(of=("self",))
        .select_related("root", "lead_unit", "category")
        .get(pk=case.pk)
    )
    if version is not None and int(version) != locked.version:
        raise ApplicationError(
            _("The case was changed by someone else while you had it open. Reload the page."),
            code="stale",
        )
    step = wf.check(locked, action, access.case_roles(as_actor(actor), locked))
    return locked, step


def _save(
    case: Case, step: wf.Step, actor, *, action=None, note="", public=False, data=None, files=()
):
    case.status = step.target
    case.version += 1
    case.save()
    _add_event(case, action or step.action, actor, note=note, public=public, data=data, files=files)
    return case


def _add_event(case: Case, action: str, actor, *, files=(), data=None, **kw):
    """The timeline entry, with the files that came with it: their digests are part of the
    entry's own digest, so a file swapped on disk or in the table shows in `audit verify`."""
    data = dict(data or {})
    if files:
        data["files"] = [{"name": f.name, "sha256": f.sha256} for f in files]
    event = add_event(case, action, actor, data=data, **kw)
    Attachment.objects.bulk_create(
        Attachment(
            case=case,
            event_seq=event.seq,
            name=f.name,
            content_type=f.content_type,
            size=f.size,
            sha256=f.sha256,
        )
        for f in files
    )
    return event


def _due(due: datetime | None) -> datetime:
    """A deadline that the state table guarantees (a dispatched case has both); None is a
    bug, not bad input."""
    if due is None:
        raise ValueError("the case has no deadline in this state")
    return due


def _lead(case: Case) -> Unit:
    """The lead unit, which the state table guarantees from dispatch on."""
    if case.lead_unit is None:
        raise ValueError(f"case {case.pk} has no lead unit in state {case.status}")
    return case.lead_unit


def _schedule_reply(case: Case) -> None:
    due = _due(case.reply_due)
    clock.schedule("case.reply", case.pk, due, deadlines.escalate_at(due))
    warnings.schedule_reply(case)


def _person(actor) -> Person | None:
    return person_of(as_actor(actor))

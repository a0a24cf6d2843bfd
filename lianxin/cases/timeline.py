"""The case timeline: each entry carries the digest of the one before it in that case, so
an entry changed or removed after the fact breaks the chain (`lianxin audit verify`)."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC

from lianxin.core import clock
from lianxin.core.actor import as_actor, login_of
from lianxin.org.access import person_of

from .models import Case, CaseEvent


def event_digest(event: CaseEvent) -> str:
    body = json.dumps(
        [
            event.prev_digest,
            event.case_id,
            event.seq,
            event.at.astimezone(UTC).isoformat(),
            event.actor_id,
            event.actor_label,
            event.action,
            event.public,
            event.note,
            event.data,
            event.status_after,
        ],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode()).hexdigest()


def actor_label(actor) -> str:
    actor = as_actor(actor)
    if not actor.is_user:
        return actor.kind  # "citizen" or "system", as the labels (labels.ACTOR_LABELS) read
    person = person_of(actor)
    if person is not None:
        return person.name
    return getattr(actor.login, "username", "") or ""


def add_event(
    case: Case,
    action: str,
    actor,
    *,
    note: str = "",
    public: bool = False,
    data=None,
    first: bool = False,
) -> CaseEvent:
    """Append an entry; call inside the action's transaction with the case row locked.
    `first`: the case was inserted in this transaction, so it has no entry yet (no query)."""
    last = None
    if not first:
        events = CaseEvent.objects.filter(case=case).order_by("-seq")
        last = events.values_list("seq", "digest").first()
    event = CaseEvent(
        case=case,
        seq=(last[0] + 1) if last else 1,
        at=clock.now().astimezone(UTC).replace(microsecond=0),
        actor=login_of(actor),
        actor_label=actor_label(actor)[:100],
        action=action,
        public=public,
        note=note,
        data=data or {},
        status_after=case.status,
        prev_digest=last[1] if last else "",
    )
    event.digest = event_digest(event)
    event.save()
    return event


def verify(case_ids=None):
    """Yield (case code, seq, problem) for every broken link; nothing when all is sound."""
    from django.utils.translation import gettext as _

    events = CaseEvent.objects.order_by("case_id", "seq").select_related("case")
    if case_ids is not None:
        events = events.filter(case_id__in=case_ids)
    previous_case, previous_digest, expected_seq = None, "", 1
    for event in events.iterator(chunk_size=2000):
        if event.case_id != previous_case:
            previous_case, previous_digest, expected_seq = event.case_id, "", 1
        if event.seq != expected_seq:
            yield event.case.code, event.seq, _("an entry is missing before this one")
        if event.prev_digest != previous_digest:
            yield event.case.code, event.seq, _("the link to the entry before does not match")
        if event_digest(event) != event.digest:
            yield event.case.code, event.seq, _("the entry was changed after it was written")
        previous_digest, expected_seq = event.digest, event.seq + 1


def add_events_many(cases, action: str, actor, *, note: str = "", public: bool = False):
    """The same entry appended to many cases at once (the clock's batches): one query for
    the last entry of each case, one INSERT; call with the case rows locked. `cases` are
    Case rows or anything with their `pk` and `status` (the clock's reminders)."""
    from django.db.models import OuterRef, Subquery

    ids = [c.pk for c in cases]
    last_seq = CaseEvent.objects.filter(case_id=OuterRef("case_id")).order_by("-seq")
    last = {
        case_id: (seq, digest)
        for case_id, seq, digest in CaseEvent.objects.filter(
            case_id__in=ids, seq=Subquery(last_seq.values("seq")[:1])
        ).values_list("case_id", "seq", "digest")
    }
    at = clock.now().astimezone(UTC).replace(microsecond=0)
    label = actor_label(actor)[:100]
    events = []
    for case in cases:
        seq, digest = last.get(case.pk, (0, ""))
        event = CaseEvent(
            case_id=case.pk,
            seq=seq + 1,
            at=at,
            actor=login_of(actor),
            actor_label=label,
            action=action,
            public=public,
            note=note,
            data={},
            status_after=case.status,
            prev_digest=digest,
        )
        event.digest = event_digest(event)
        events.append(event)
    return CaseEvent.objects.bulk_create(events)

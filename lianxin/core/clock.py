"""The one clock: the current time, due items, and the sweep that reminds and escalates.

Apps put a due item on the clock with `schedule(kind, object_id, due_at, escalate_at)`,
take it off with `finish(kind, object_id)`, and register what happens when it falls due:

    register("case.reply", on_due=remind_case, on_escalate=supervise_case)

`sweep()` is what `lianxin clock` runs in a loop. Several copies may run against one
PostgreSQL: each batch is claimed with SELECT ... FOR UPDATE SKIP LOCKED, and the
reminded/escalated marks are written in the same transaction as the handler's own work,
so every reminder is sent once. On SQLite, transactions begin IMMEDIATE and are serial.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import DueItem

logger = logging.getLogger(__name__)
_local = threading.local()


def now() -> datetime:
    """The current time, or the time frozen by `frozen_at` (demo data, tests)."""
    return getattr(_local, "frozen", None) or timezone.now()


@contextmanager
def frozen_at(moment: datetime) -> Iterator[None]:
    previous = getattr(_local, "frozen", None)
    _local.frozen = moment
    try:
        yield
    finally:
        _local.frozen = previous


@dataclass(frozen=True)
class Handler:
    on_due: Callable[[DueItem], None]
    on_escalate: Callable[[DueItem], None] | None = None
    # optional: the same work for a whole batch of items at once (bulk writes)
    on_due_many: Callable[[list[DueItem]], None] | None = None
    on_escalate_many: Callable[[list[DueItem]], None] | None = None


_handlers: dict[str, Handler] = {}
_planners: list[Callable[[datetime], None]] = []


def register(
    kind: str, *, on_due, on_escalate=None, on_due_many=None, on_escalate_many=None
) -> None:
    """What happens when an item of `kind` falls due (and when it escalates). A handler
    for many items (`on_due_many(items)`) does the same work for a whole batch with bulk
    writes; if it fails, its writes are undone and the items go one by one."""
    _handlers[kind] = Handler(on_due, on_escalate, on_due_many, on_escalate_many)


def register_planner(planner: Callable[[datetime], None]) -> None:
    """A function the sweep calls first, to put recurring due items on the clock (monthly
    reports...). It must be idempotent: several clocks call it."""
    if planner not in _planners:
        _planners.append(planner)


def schedule(kind: str, object_id, due_at: datetime, escalate_at: datetime | None = None):
    """Put (or move) a due item; moving it clears an earlier reminder and escalation (when
    the new times are still ahead) and makes it not done. One `UPDATE`; for a new item one
    `INSERT` that, should another process have put the row in between, sets its times
    instead (each case step runs this: the get-or-create it replaces took four statements
    and a savepoint)."""
    at = now()
    changes = {
        "due_at": due_at,
        "escalate_at": escalate_at,
        "done_at": None,
        "reminded_at": None if due_at > at else F("reminded_at"),
        "escalated_at": None if escalate_at and escalate_at > at else F("escalated_at"),
    }
    items = DueItem.objects.filter(kind=kind, object_id=str(object_id))
    if items.update(**changes):
        return
    DueItem.objects.bulk_create(
        [DueItem(kind=kind, object_id=str(object_id), due_at=due_at, escalate_at=escalate_at)],
        update_conflicts=True,
        unique_fields=["kind", "object_id"],
        update_fields=["due_at", "escalate_at", "done_at"],
    )


def plan(kind: str, rows) -> None:
    """Put the due items of a planner on the clock unless they are there already: `rows` is
    (object_id, due_at, escalate_at); one INSERT that skips what exists, so any number of
    clocks may plan the same items at once and an item already reminded, escalated or done
    stays as it is (unlike `schedule`, which moves it)."""
    DueItem.objects.bulk_create(
        [
            DueItem(kind=kind, object_id=str(oid), due_at=due, escalate_at=escalate)
            for oid, due, escalate in rows
        ],
        ignore_conflicts=True,
    )


def finish(kind: str, object_id) -> None:
    DueItem.objects.filter(kind=kind, object_id=str(object_id), done_at=None).update(done_at=now())


def item_of(kind: str, object_id) -> DueItem | None:
    return DueItem.objects.filter(kind=kind, object_id=str(object_id)).first()


def _run_one(call, item: DueItem) -> None:
    try:
        with transaction.atomic():
            call(item)
    except Exception:  # one broken item must not stop the clock for all others
        logger.exception("clock handler failed for %s", item)


def _run_group(handler: Handler | None, items: list[DueItem], reminding: bool) -> None:
    if handler is None:
        return
    call = handler.on_due if reminding else handler.on_escalate
    many = handler.on_due_many if reminding else handler.on_escalate_many
    if many is not None and len(items) > 1:
        try:
            with transaction.atomic():  # a savepoint: a failure undoes the whole group
                many(items)
            return
        except Exception:
            logger.exception("clock batch handler failed for %d items; one by one", len(items))
    if call is not None:
        for item in items:
            _run_one(call, item)


def _sweep_step(field: str, time_field: str, at: datetime, batch: int) -> int:
    """One batch in one transaction: claim up to `batch` items whose `time_field` has
    passed and `field` is unset (rows another clock holds are skipped), run their handlers
    (grouped by kind, a batch handler where there is one), mark them all with one UPDATE.
    A failure of the transaction undoes this batch only. Returns how many were handled."""
    with transaction.atomic():
        items = list(
            DueItem.objects.select_for_update(skip_locked=True)
            .filter(
                done_at=None,
                **{f"{field}__isnull": True, f"{time_field}__lte": at},
            )
            .order_by(time_field)[:batch]
        )
        groups: dict[str, list[DueItem]] = {}
        for item in items:
            groups.setdefault(item.kind, []).append(item)
        for kind, group in groups.items():
            _run_group(_handlers.get(kind), group, field == "reminded_at")
        _mark([item.pk for item in items], field, at)
        return len(items)


def _mark(ids: list[int], field: str, at: datetime) -> None:
    DueItem.objects.filter(pk__in=ids).update(**{field: at})


def sweep(*, at: datetime | None = None, batch: int = 200) -> dict[str, int]:
    """Remind every item past its due time and escalate every item past its escalation
    time, once each. Returns the counts."""
    at = at or now()
    for planner in _planners:
        planner(at)
    counts = {"reminded": 0, "escalated": 0}
    for field, time_field, name in (
        ("reminded_at", "due_at", "reminded"),
        ("escalated_at", "escalate_at", "escalated"),
    ):
        while True:
            handled = _sweep_step(field, time_field, at, batch)
            counts[name] += handled
            if handled < batch:
                break
    return counts

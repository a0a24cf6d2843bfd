"""What the clock does to many cases at once: reminders (催办) for a whole batch of due
items in bulk writes (one UPDATE of the cases that also locks and returns them, one INSERT
of timeline entries, one of inbox notices, one task for the SMS), in the clock's
transaction for that batch."""

from __future__ import annotations

from typing import NamedTuple

from django.db import connection
from django.utils.translation import gettext as _

from lianxin.core import clock

from .. import notices
from .. import workflow as wf
from ..models import Case, Supervision
from ..timeline import add_events_many


class Reminded(NamedTuple):
    """What the timeline and the notices need of a reminded case (no model instance)."""

    pk: int
    code: str
    title: str
    status: str
    lead_unit_id: int | None
    handler_id: int | None


def _remindable() -> list[tuple[str, frozenset[str]]]:
    """(state, kinds) in which the clock may remind, from the workflow table: the states
    where `remind` is a step of the system that leaves the case where it is."""
    return [
        (step.source, step.kinds)
        for step in wf.STEPS
        if step.action == "remind" and wf.SYSTEM in step.roles and step.target == step.source
    ]


def case_remind_many(*, case_ids: list[int]) -> int:
    """`case_remind` by the clock for many cases: the cases still being worked on are
    reminded; the others (moved on since) are left alone. Returns how many were reminded.
    Runs inside the caller's transaction (the clock's batch): one `UPDATE ... RETURNING`
    (PostgreSQL, SQLite 3.35+) checks the state, locks the rows and changes them."""
    if not case_ids:
        return 0
    at = clock.now()
    q = connection.ops.quote_name
    states, params = [], []
    for status, kinds in _remindable():
        states.append(f"({q('status')} = %s AND {q('kind')} IN ({', '.join(['%s'] * len(kinds))}))")
        params += [status, *sorted(kinds)]
    table, ids = q(Case._meta.db_table), ", ".join(["%s"] * len(case_ids))
    if connection.features.has_select_for_update:  # lock in the order of the ids, as
        # every batch does, so that two clocks never wait for each other in a circle
        ids = f"SELECT {q('id')} FROM {table} WHERE {q('id')} IN ({ids}) ORDER BY 1 FOR UPDATE"  # noqa: S608
    sup, level = q("supervision"), int(Supervision.REMINDED)
    sql = (
        f"UPDATE {table} SET "  # noqa: S608 (names quoted, values bound)
        f"{sup} = CASE WHEN {sup} < %s THEN %s ELSE {sup} END, "
        f"{q('reminder_count')} = {q('reminder_count')} + 1, "
        f"{q('version')} = {q('version')} + 1, {q('updated_at')} = %s "
        f"WHERE {q('id')} IN ({ids}) AND ({' OR '.join(states)}) "
        f"RETURNING {q('id')}, {q('code')}, {q('title')}, {q('status')}, "
        f"{q('lead_unit_id')}, {q('handler_id')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [level, level, connection.ops.adapt_datetimefield_value(at), *case_ids, *params],
        )
        todo = sorted((Reminded(*row) for row in cursor.fetchall()), key=lambda c: c.pk)
    if not todo:
        return 0
    add_events_many(todo, "remind", wf.SYSTEM)
    recipients = notices.handlers_and_leaders_many(todo)
    notices.tell_staff_many([(recipients[c.pk], c) for c in todo], _("Reminder: overdue"))
    return len(todo)

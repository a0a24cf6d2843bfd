"""Large exports in the background: the registry of export kinds, the task body that
streams rows into a file under DATA_DIR/exports/, and the clock's clean-up of old files.

An app registers what it exports:

    register("cases", allowed=lambda user, filters: ..., table=cases_table, title=...)

Each app registers its kinds in its `lianxin_hooks.py` (core names no app). `allowed(user,
filters)` is the same access rule as the page the export comes from (an outsider gets 404
from the view); `table(user, filters)` returns a `Table` whose rows already hold only what
that user may see, with the page's filters (`filters` are the page's query parameters,
every value a list of strings, plus the path's own, such as the month). `title(user,
filters)`, if given, names the job without building the table in the web request. A
queryset's rows are read with `.iterator(chunk_size=…)` (a server-side cursor on
PostgreSQL; give it `values_list` with the joins done in SQL, never model objects) and
written in chunks by `core.exports.stream_table` (`core.xlsxstream` or CSV), so neither
the web worker nor the task worker holds them in memory; the job's `rows` field is the
progress bar. `Table.more` are further small tables (a second sheet).
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import DateTimeField, Func
from django.utils import translation

from . import clock
from .exports import stream_table
from .models import ExportJob

logger = logging.getLogger(__name__)

CHUNK = 2000
KEEP = timedelta(days=2)  # a finished file is downloadable this long
XLSX_MAX_ROWS = 1_048_574  # Excel's sheet limit less the title and header rows


@dataclass(frozen=True)
class Table:
    title: str
    headers: list
    rows: object  # a queryset (counted, then read in chunks) or any iterable
    row: Callable[[Any], list]
    filename: str
    sheet: str = ""
    more: tuple = ()  # further small tables: {"sheet", "title", "headers", "rows"}


@dataclass(frozen=True)
class ExportKind:
    allowed: Callable[[object, dict], bool]
    table: Callable[[object, dict], Table]
    title: Callable[[object, dict], str] | None = None

    def title_for(self, user, filters: dict) -> str:
        if self.title is not None:
            return str(self.title(user, filters))
        return str(self.table(user, filters).title)


class Chunked:
    """Rows read in chunks from a `values_list` queryset, each chunk turned into rows by
    `expand(chunk)` with a fixed number of queries (say, one for the chunk's children):
    never a query per row. Counted as the queryset counts."""

    def __init__(self, queryset, expand: Callable[[list], Iterable]):
        self.queryset, self.expand = queryset, expand

    def count(self) -> int:
        return self.queryset.count()

    def __iter__(self):
        rows = self.queryset.iterator(chunk_size=CHUNK)
        while chunk := list(islice(rows, CHUNK)):
            yield from self.expand(chunk)


_kinds: dict[str, ExportKind] = {}


def register(kind: str, *, allowed, table, title=None) -> None:
    _kinds[kind] = ExportKind(allowed, table, title)


def one(filters: dict, key: str, default: str = "") -> str:
    """The first value of a filter (the page's query parameter), or `default`."""
    values = filters.get(key) or [default]
    return str(values[0])


def kind_of(kind: str) -> ExportKind | None:
    return _kinds.get(kind)


def local_minutes() -> Callable[[datetime | str | None], str]:
    """A function writing an aware time as local "YYYY-MM-DD HH:MM" ("" for none), the zone
    looked up once (isoformat takes half the time of strftime on a million rows); a time
    already written by the database (`LocalMinutes`) passes as it is."""
    from django.utils import timezone

    tz = timezone.get_current_timezone()

    def when(value) -> str:
        if not value:
            return ""
        if value.__class__ is str:
            return value
        return value.astimezone(tz).isoformat(" ", "minutes")[:16]

    return when


class LocalMinutes(Func):
    """A time column written by PostgreSQL as local "YYYY-MM-DD HH:MM" text
    (`to_char(t AT TIME ZONE zone, ...)`), for a values_list of an export: psycopg then
    hands over a string instead of parsing a datetime that Python would convert and format
    again (a third of the time of a million-row CSV). Elsewhere the column itself, which
    `local_minutes()` formats."""

    template = "%(expressions)s"

    def __init__(self, expression, **extra):
        super().__init__(expression, output_field=DateTimeField(), **extra)

    def as_postgresql(self, compiler, connection, **extra_context):
        from django.utils import timezone

        sql, params = compiler.compile(self.source_expressions[0])
        zone = timezone.get_current_timezone_name()
        text = f"to_char(({sql}) AT TIME ZONE %s, 'YYYY-MM-DD HH24:MI')"
        return text, (*params, zone)


def local_days() -> Callable[[datetime | None], str]:
    """The same for a day: "YYYY-MM-DD"."""
    when = local_minutes()
    return lambda value: when(value)[:10]


def labels(choices) -> dict:
    """A choice field's labels by value, translated once per export (a model's
    get_FOO_display translates them anew on every call)."""
    return {key: str(label) for key, label in choices}


def folder() -> Path:
    path = Path(settings.DATA_DIR) / "exports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _count(rows) -> int:
    try:
        return rows.count()
    except (AttributeError, TypeError):
        return len(rows)


def _iterate(rows) -> Iterable:
    iterator = getattr(rows, "iterator", None)
    return iterator(chunk_size=CHUNK) if iterator is not None else rows


def write(table: Table, target, *, fmt: str, progress=None) -> int:
    """The one path that writes an export's rows, in the request (small) or the task."""
    return stream_table(
        target,
        fmt=fmt,
        title=table.title,
        headers=table.headers,
        rows=(table.row(obj) for obj in _iterate(table.rows)),
        sheet=table.sheet,
        progress=progress,
        more=table.more,
    )


def run(job_id: int) -> None:
    """The task body: claim the queued job, write its file, mark it done or failed."""
    if not ExportJob.objects.filter(pk=job_id, state=ExportJob.State.QUEUED).update(
        state=ExportJob.State.RUNNING
    ):
        return  # another worker has it, or it is gone
    job = ExportJob.objects.select_related("requested_by").get(pk=job_id)
    spec = _kinds.get(job.kind)
    path = folder() / f"{job.pk}-{secrets.token_hex(8)}.{job.fmt}"
    partial = path.with_suffix(path.suffix + ".part")
    try:
        with translation.override(job.filters.get("_lang") or settings.LANGUAGE_CODE):
            user = job.requested_by
            if spec is None or not spec.allowed(user, job.filters):
                raise PermissionError("not allowed")
            table = spec.table(user, job.filters)
            total = _count(table.rows)
            fmt = job.fmt
            if fmt == "xlsx" and total > XLSX_MAX_ROWS:
                fmt = "csv"  # more rows than a sheet holds
                path = path.with_suffix(".csv")
            name = table.filename.rsplit(".", 1)[0] + "." + fmt
            ExportJob.objects.filter(pk=job.pk).update(total=total, fmt=fmt, file_name=name)

            def progress(n: int) -> None:
                ExportJob.objects.filter(pk=job.pk).update(rows=n)

            with open(partial, "wb") as fh:
                written = write(table, fh, fmt=fmt, progress=progress)
        os.replace(partial, path)
    except Exception as exc:
        logger.exception("export %s failed", job.pk)
        partial.unlink(missing_ok=True)
        ExportJob.objects.filter(pk=job.pk).update(
            state=ExportJob.State.FAILED,
            error=str(exc)[:300] if isinstance(exc, PermissionError) else "",
            finished_at=clock.now(),
        )
        return
    at = clock.now()
    ExportJob.objects.filter(pk=job.pk).update(
        state=ExportJob.State.DONE,
        rows=written,
        total=max(total, written),
        stored=path.name,
        finished_at=at,
        expires_at=at + KEEP,
    )


def stored_file(job: ExportJob) -> Path | None:
    if job.state != ExportJob.State.DONE or not job.stored or "/" in job.stored:
        return None
    path = folder() / job.stored
    return path if path.exists() else None


def expire(at: datetime) -> None:
    """A clock planner: remove the files of exports past their time (idempotent, so any
    number of clocks may run it)."""
    for job in ExportJob.objects.filter(expires_at__lte=at, state=ExportJob.State.DONE):
        if job.stored and "/" not in job.stored:
            (folder() / job.stored).unlink(missing_ok=True)
        ExportJob.objects.filter(pk=job.pk, state=ExportJob.State.DONE).update(
            state=ExportJob.State.EXPIRED, stored=""
        )


def job_of(user, pk: int) -> ExportJob | None:
    """The export job, for the person who asked for it only (anyone else: None → 404)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return ExportJob.objects.filter(pk=pk, requested_by=user).first()


def filters_of(query) -> dict:
    """A page's query parameters as the JSON a job keeps (every value a list of strings),
    with the language the page was shown in."""
    filters = {k: v for k, v in query.lists() if not k.startswith("_")}
    filters["_lang"] = translation.get_language() or settings.LANGUAGE_CODE
    return filters


def query_of(filters: dict):
    """The filters back as a QueryDict, for the page's own filter form."""
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key, values in filters.items():
        if not key.startswith("_"):
            query.setlist(key, list(values))
    return query

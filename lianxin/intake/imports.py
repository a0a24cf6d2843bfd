"""Bulk import of opinion-box slips and historical cases from .xlsx or .csv.

The file is checked row by row first (a preview: every bad row with its reason, nothing
written); confirming imports the good rows in chunks of `CHUNK` rows, each chunk one
transaction, as a background task whose progress the page shows. Every row carries a source
id (来源编号): a row already imported is skipped, so importing a file again adds nothing.

Rows are written in bulk (codes from the day counter, one timeline entry per case with its
digest, the channel id), not one `case_receive` call per row: 100,000 rows must take under a
minute. The rules are the same: category of the organisation, kind, content length, phone.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from lianxin.cases import codes
from lianxin.cases.models import Case, CaseEvent, Category, DayCounter, Kind, Status
from lianxin.cases.timeline import event_digest
from lianxin.core import archives, clock
from lianxin.core.errors import ApplicationError
from lianxin.org.validators import normalize_phone

from .models import ChannelMessage

HEADERS = [
    "来源编号",
    "受理时间",
    "类型",
    "分类",
    "内容",
    "地点",
    "姓名",
    "电话",
    "答复",
    "办结时间",
]
REQUIRED = ["来源编号", "类型", "分类", "内容"]
KINDS = {
    "咨询": Kind.CONSULT,
    "求助": Kind.HELP,
    "投诉": Kind.COMPLAINT,
    "建议": Kind.SUGGESTION,
    "表扬": Kind.PRAISE,
}
CHUNK = 2000
MAX_TEXT = 5000


@dataclass
class Row:
    number: int
    source_id: str
    received_at: datetime
    kind: str
    category_id: int
    content: str
    place: str
    name: str
    phone: str
    reply: str
    closed_at: datetime | None


@dataclass
class Parsed:
    rows: list[Row] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    total: int = 0


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _when(value, *, number, column) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time(9, 0))
    else:
        text = (
            _cell_text(value)
            .replace("/", "-")
            .replace("年", "-")
            .replace("月", "-")
            .replace("日", "")
        )
        try:
            moment = (
                datetime.fromisoformat(text)
                if ":" in text
                else datetime.combine(date.fromisoformat(text), time(9, 0))
            )
        except ValueError:
            raise ApplicationError(
                _("%(col)s is not a date: %(v)s") % {"col": column, "v": text}
            ) from None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _sheet_xml(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = sorted(n for n in z.namelist() if re.match(r"xl/worksheets/sheet\d*\.xml$", n))
            return z.read(names[0]).decode("utf-8", errors="replace") if names else ""
    except zipfile.BadZipFile:
        return ""


def _merged_sheet_ranges(xml: str) -> list[str]:
    """Merged cells of the first sheet, read from the file's XML (the readers hide them)."""
    return re.findall(r'<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"', xml)


def _formula_rows(xml: str) -> set[int]:
    """Rows with a formula in some cell (a reader gives only the cached value)."""
    return {int(n) for n in re.findall(r'<c r="[A-Z]+(\d+)"[^>]*><f[ >/]', xml)}


def _table(name: str, data: bytes):
    """(headers, rows of raw cells, merged ranges) of an .xlsx or .csv file."""
    if name.lower().endswith(".csv"):
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ApplicationError(_("The CSV file is neither UTF-8 nor GB18030."), field="file")
        reader = list(csv.reader(io.StringIO(text)))
        if not reader:
            raise ApplicationError(_("The file is empty."), field="file")
        return [h.strip() for h in reader[0]], reader[1:], []
    archives.check_zip(data)  # before any reader unpacks it (zip bombs)
    xml = _sheet_xml(data)
    try:  # calamine (Rust) reads 100,000 rows in about a second, openpyxl in thirty
        from python_calamine import CalamineWorkbook

        rows = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()
    except ImportError:
        rows = None
    except Exception:
        raise ApplicationError(_("This is not an Excel (.xlsx) file."), field="file") from None
    if rows is None:
        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:
            raise ApplicationError(_("This is not an Excel (.xlsx) file."), field="file") from None
        rows = list(book.worksheets[0].iter_rows(values_only=True))
    if not rows:
        raise ApplicationError(_("The file is empty."), field="file")
    formulas = _formula_rows(xml)
    body = [("=formula",) if n + 2 in formulas else tuple(r) for n, r in enumerate(rows[1:])]
    return [_cell_text(h) for h in rows[0]], body, _merged_sheet_ranges(xml)


def parse(*, root, name: str, data: bytes) -> Parsed:
    headers, raw_rows, merged = _table(name, data)
    missing = [h for h in REQUIRED if h not in headers]
    unknown = [h for h in headers if h and h not in HEADERS]
    if missing or unknown:
        raise ApplicationError(
            _("The columns do not match the template: missing %(m)s, unknown %(u)s.")
            % {"m": "、".join(missing) or "—", "u": "、".join(unknown) or "—"},
            field="file",
        )
    index = {h: i for i, h in enumerate(headers)}
    categories = {c.name: c.pk for c in Category.objects.filter(root=root, is_active=True)}
    merged_rows = set()
    for ref in merged:
        first, last = ref.split(":")
        r1, r2 = int(re.sub(r"\D", "", first)), int(re.sub(r"\D", "", last))
        merged_rows.update(range(r1, r2 + 1))
    out = Parsed()
    seen: set[str] = set()
    now = clock.now()
    for offset, cells in enumerate(raw_rows):
        number = offset + 2  # the spreadsheet's row number (row 1 holds the headers)
        cells = list(cells) + [None] * (len(headers) - len(cells))
        if all(_cell_text(c) == "" for c in cells):
            continue
        out.total += 1

        def cell(h, cells=cells):
            return cells[index[h]] if h in index else None

        try:
            if number in merged_rows:
                raise ApplicationError(_("merged cells"))
            if any(isinstance(c, str) and c.startswith("=") for c in cells):
                raise ApplicationError(_("a formula instead of a value"))
            source_id = _cell_text(cell("来源编号"))
            if not source_id:
                raise ApplicationError(_("no source id"))
            if source_id in seen:
                raise ApplicationError(
                    _("source id %(id)s repeated in the file") % {"id": source_id}
                )
            seen.add(source_id)
            kind = KINDS.get(_cell_text(cell("类型")))
            if kind is None:
                raise ApplicationError(_("unknown kind %(k)s") % {"k": _cell_text(cell("类型"))})
            category_id = categories.get(_cell_text(cell("分类")))
            if category_id is None:
                raise ApplicationError(
                    _("unknown category %(c)s") % {"c": _cell_text(cell("分类"))}
                )
            content = _cell_text(cell("内容"))
            if not content or len(content) > MAX_TEXT:
                raise ApplicationError(
                    _("the content is empty or longer than %(n)s characters") % {"n": MAX_TEXT}
                )
            received_at = _when(cell("受理时间"), number=number, column="受理时间") or now
            if received_at > now:
                raise ApplicationError(_("received in the future"))
            closed_at = _when(cell("办结时间"), number=number, column="办结时间")
            reply = _cell_text(cell("答复"))
            if closed_at and closed_at < received_at:
                raise ApplicationError(_("closed before it was received"))
            if closed_at and not reply:
                raise ApplicationError(_("a closed case needs its reply"))
            out.rows.append(
                Row(
                    number=number,
                    source_id=source_id[:200],
                    received_at=received_at,
                    kind=kind,
                    category_id=category_id,
                    content=content,
                    place=_cell_text(cell("地点"))[:200],
                    name=_cell_text(cell("姓名"))[:50],
                    phone=normalize_phone(_cell_text(cell("电话"))),
                    reply=reply[:MAX_TEXT],
                    closed_at=closed_at,
                )
            )
        except ApplicationError as err:
            out.errors.append((number, str(err.message)))
    return out


def _reserve(day: date, n: int) -> int:
    """Take n sequence numbers of a day at once; returns the first."""
    if not DayCounter.objects.filter(day=day).update(last=F("last") + n):
        DayCounter.objects.get_or_create(day=day, defaults={"last": 0})
        DayCounter.objects.filter(day=day).update(last=F("last") + n)
    return DayCounter.objects.values_list("last", flat=True).get(day=day) - n + 1


def _insert_many(model, rows: list[dict]) -> None:
    """INSERT rows (dicts of attribute names) with one prepared statement (executemany).
    Every column not given takes the field's default; datetimes and JSON go through the
    database's own adapters. The ORM's bulk_create builds a model instance and prepares every
    field of every row, which is most of the time of a 100,000-row import."""
    from django.db import connection, models

    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    now = clock.now()
    converters = []
    for f in fields:
        if isinstance(f, models.DateTimeField):
            converters.append(lambda v: connection.ops.adapt_datetimefield_value(v) if v else None)
        elif isinstance(f, models.JSONField):
            converters.append(lambda v, f=f: f.get_db_prep_save(v, connection))
        else:
            converters.append(None)
    defaults = []
    for f in fields:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            defaults.append(now)
        else:
            defaults.append(f.get_default())
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(model._meta.db_table)
    params = []
    for row in rows:
        values = []
        for f, convert, default in zip(fields, converters, defaults, strict=True):
            value = row.get(f.attname, default)
            values.append(convert(value) if convert else value)
        params.append(values)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", params)


def import_chunk(*, root, channel: str, rows: list[Row]) -> int:
    """Write one chunk in one transaction; rows whose source id is known are skipped."""
    external = [f"{root.pk}:{r.source_id}" for r in rows]
    with transaction.atomic():
        known = set(
            ChannelMessage.objects.filter(channel=channel, external_id__in=external).values_list(
                "external_id", flat=True
            )
        )
        todo = [(r, e) for r, e in zip(rows, external, strict=True) if e not in known]
        if not todo:
            return 0
        by_day: dict[date, list] = {}
        for r, e in todo:
            by_day.setdefault(timezone.localdate(r.received_at), []).append((r, e))
        cases, keys = [], []
        for day, items in by_day.items():
            first = _reserve(day, len(items))
            for i, (r, e) in enumerate(items):
                code = f"{day:%Y%m%d}{first + i:04d}"
                closed = r.closed_at is not None
                cases.append(
                    {
                        "root_id": root.pk,
                        "code": code,
                        # no citizen is told a secret of an imported case: a random one
                        # nobody knows (he proves his phone to follow it); the source id is
                        # kept once per channel in ChannelMessage, not as a form's token
                        "submit_key": None,
                        "secret_digest": codes.secret_digest(code, codes.new_secret()),
                        "kind": r.kind,
                        "channel": channel,
                        "category_id": r.category_id,
                        "title": r.content.replace("\n", " ")[:30],
                        "content": r.content,
                        "place": r.place,
                        "citizen_name": r.name,
                        "citizen_phone": r.phone,
                        "status": Status.CLOSED if closed else Status.RECEIVED,
                        "received_at": r.received_at,
                        "reply": r.reply,
                        "replied_at": r.closed_at,
                        "closed_at": r.closed_at,
                        "unrated_close": closed,
                    }
                )
                keys.append(e)
        _insert_many(Case, cases)
        made = dict(
            Case.objects.filter(code__in=[c["code"] for c in cases]).values_list("code", "pk")
        )
        events, messages = [], []
        for case, e in zip(cases, keys, strict=True):
            pk = made[case["code"]]
            event = CaseEvent(
                case_id=pk,
                seq=1,
                at=case["received_at"].replace(microsecond=0),
                actor_label="system",
                action="import",
                public=True,
                data={"source": e.split(":", 1)[1]},
                status_after=case["status"],
                prev_digest="",
            )
            events.append(
                {
                    "case_id": pk,
                    "seq": 1,
                    "at": event.at,
                    "actor_label": "system",
                    "action": "import",
                    "public": True,
                    "note": "",
                    "data": event.data,
                    "status_after": case["status"],
                    "prev_digest": "",
                    "digest": event_digest(event),
                }
            )
            messages.append({"channel": channel, "external_id": e, "case_id": pk, "data": {}})
        _insert_many(CaseEvent, events)
        _insert_many(ChannelMessage, messages)
    return len(cases)


def template_rows() -> list[list]:
    return [
        HEADERS,
        [
            "YJX-2026-001",
            "2026-11-02 09:30",
            "建议",
            "路面病害",
            "建议在青山小学门口增设减速带",
            "城关镇青山小学",
            "王某",
            "13800000000",
            "",
            "",
        ],
    ]

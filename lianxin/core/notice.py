"""Reading a year's official holiday notice typed or uploaded by an administrator.

Accepted lines (blank lines and lines starting with # are ignored):
    2027-01-01                         a single date
    2027-02-06~2027-02-12 春节          a range, with an optional note
    2027-02-06,holiday,春节             CSV: date or range, kind, note (import files)
Kinds in files: holiday / 放假 / 休, workday / 上班 / 班.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.utils.translation import gettext as _

from .errors import ApplicationError

_RANGE = re.compile(
    r"^\s*(\d{4}-\d{1,2}-\d{1,2})\s*(?:(?:~|～|至|--|—)\s*(\d{4}-\d{1,2}-\d{1,2}))?\s*(.*)$"
)
HOLIDAY_WORDS = {"holiday", "放假", "休", "假"}
WORKDAY_WORDS = {"workday", "上班", "班", "补班"}


def _parse_date(text: str, line_no: int, field: str) -> date:
    try:
        y, m, d = (int(p) for p in text.split("-"))
        return date(y, m, d)
    except ValueError:
        raise ApplicationError(
            _("Line %(line)s: %(text)s is not a valid date.") % {"line": line_no, "text": text},
            field=field,
        ) from None


def parse_dates(text: str, *, field: str) -> list[tuple[date, str]]:
    """Dates and notes from lines of single dates or ranges."""
    out: list[tuple[date, str]] = []
    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _RANGE.match(line)
        if not match:
            raise ApplicationError(
                _(
                    "Line %(line)s: write a date like 2027-01-01 or a range like "
                    "2027-02-06~2027-02-12."
                )
                % {"line": line_no},
                field=field,
            )
        first = _parse_date(match.group(1), line_no, field)
        last = _parse_date(match.group(2), line_no, field) if match.group(2) else first
        if last < first:
            raise ApplicationError(
                _("Line %(line)s: the range ends before it starts.") % {"line": line_no},
                field=field,
            )
        if (last - first).days > 31:
            raise ApplicationError(
                _("Line %(line)s: a range of more than a month is not a holiday.")
                % {"line": line_no},
                field=field,
            )
        note = match.group(3).strip()[:100]
        out.extend((first + timedelta(days=i), note) for i in range((last - first).days + 1))
    return out


def parse_notice_file(text: str) -> tuple[str, str]:
    """Split an import file's CSV lines into (holidays text, workdays text)."""
    holidays: list[str] = []
    workdays: list[str] = []
    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in re.split(r"[,，\t]", line)]
        if len(parts) < 2:
            raise ApplicationError(
                _("Line %(line)s: expected date, kind (holiday or workday) and an optional note.")
                % {"line": line_no},
                field="file",
            )
        if line_no == 1 and not re.match(r"^\d{4}-", parts[0]):
            continue  # a header row
        kind = parts[1].lower()
        rest = " ".join([parts[0], *parts[2:3]])
        if kind in HOLIDAY_WORDS:
            holidays.append(rest)
        elif kind in WORKDAY_WORDS:
            workdays.append(rest)
        else:
            raise ApplicationError(
                _("Line %(line)s: kind %(kind)s is neither holiday nor workday.")
                % {"line": line_no, "kind": parts[1]},
                field="file",
            )
    return "\n".join(holidays), "\n".join(workdays)

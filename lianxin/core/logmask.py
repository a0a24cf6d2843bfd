"""Logs hold no personal data: every line that reaches a handler of ours is masked (mobile
and landline numbers, ID numbers, email addresses, IP addresses), message and traceback
alike. Attached to the handlers in settings.LOGGING; the SMS console backend masks its own
lines as well."""

from __future__ import annotations

import logging
import re

MOBILE_RE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?\d{4}[- ]?\d{4}(?!\d)")
LANDLINE_RE = re.compile(r"(?<!\d)(0\d{2,3})-?\d{7,8}(?!\d)")
ID_RE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
EMAIL_RE = re.compile(r"[\w.+-]+@([\w-]+\.)+[\w-]+")
IPV4_RE = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
IPV6_RE = re.compile(
    r"(?<![0-9A-Fa-f:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
    r"|(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?|::1)(?![0-9A-Fa-f:])"
)


def mask(text: str) -> str:
    """The text with every phone, ID number, email and IP address replaced by stars."""
    out = ID_RE.sub("******************", text or "")
    out = MOBILE_RE.sub(lambda m: m.group(1) + "********", out)
    out = LANDLINE_RE.sub(lambda m: m.group(1) + "-********", out)
    out = EMAIL_RE.sub("***@***", out)
    out = IPV4_RE.sub("*.*.*.*", out)
    return IPV6_RE.sub("*:*", out)


def mask_phone(phone: str) -> str:
    """A number for a log line: its first three digits (the carrier) only."""
    return (phone or "")[:3] + "********" if phone else ""


class MaskPersonalData(logging.Filter):
    """A handler filter: formats the record's message (and traceback) once, masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep the raw message, masked
            message = str(record.msg)
        record.msg, record.args = mask(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
        if record.stack_info:
            record.stack_info = mask(record.stack_info)
        return True

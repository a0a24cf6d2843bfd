"""Chinese text helpers: masking personal data for pages that must not show it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from django.utils.translation import gettext as _

from .errors import ApplicationError

# Numbers written in free text, in every form people type them: 13800001234, 138 0000 1234,
# 138-0000-1234, +86 138..., 0086-138..., landlines 0871-1234567, (0871)1234567,
# 0871 123 4567, ID numbers of 18 (or old 15) digits, grouped or not. Full-width digits and
# dashes count as digits and dashes (they are matched on a same-length ASCII copy).
_SEP = r"[ \-.\u00a0]?"
PHONE_RE = re.compile(
    r"(?<![0-9A-Za-z])(?:(?:\+|00)?86" + _SEP + r")?1[3-9]\d" + _SEP + r"\d{4}" + _SEP + r"\d{4}"
    r"(?![0-9])"
)
LANDLINE_RE = re.compile(
    r"(?<![0-9A-Za-z])(?:(?:\+|00)?86"
    + _SEP
    + r")?[(（]?0\d{2,3}[)）]?"
    + _SEP
    + r"\d{3,4}"
    + _SEP
    + r"\d{4}(?![0-9])"
)
ID_RE = re.compile(
    r"(?<![0-9A-Za-z])\d{6}" + _SEP + r"(?:\d{8}" + _SEP + r"\d{3}[\dXx]|\d{9})(?![0-9A-Za-z])"
)
_ASCII = str.maketrans("０１２３４５６７８９－＋　ｘＸ", "0123456789-+ xX")
NUMBER_MASK = "***"
COMMUNITY_RE = re.compile(r"^.*?(社区|居委会|小区|村)")
TOWN_RE = re.compile(r"^.*?(街道|镇|乡)")


def mask_phone(phone: str) -> str:
    """13912345678 -> 139****5678; shorter numbers keep their last four digits."""
    if not phone:
        return ""
    if len(phone) >= 11:
        return phone[:3] + "****" + phone[-4:]
    return "****" + phone[-4:]


def mask_name(name: str) -> str:
    """张三丰 -> 张某某 (the family name stays)."""
    if not name:
        return ""
    return name[0] + "某某"


def cut_address(place: str) -> str:
    """Keep an address down to its community or village, drop the rest."""
    match = COMMUNITY_RE.match(place or "") or TOWN_RE.match(place or "")
    return match.group(0) if match else ""


def redact(text: str, names: Sequence[str] = ()) -> str:
    """Replace the given names with 某某 and phone and ID numbers in free text with ***,
    completely (no digit of them is left to piece a number together)."""
    out = text or ""
    for name in sorted({n for n in names if n and len(n) >= 2}, key=len, reverse=True):
        out = out.replace(name, "某某")
    for pattern in (ID_RE, PHONE_RE, LANDLINE_RE):
        ascii_copy = out.translate(_ASCII)  # same length: spans apply to the original
        spans = [m.span() for m in pattern.finditer(ascii_copy)]
        for start, end in reversed(spans):
            out = out[:start] + NUMBER_MASK + out[end:]
    return out


def clean_text(value, *, field: str, label, required: bool = True, limit: int = 5000) -> str:
    """Trimmed text, or a refusal naming the field: empty when required, or too long."""
    value = (value or "").strip()
    if required and not value:
        raise ApplicationError(_("%(label)s cannot be empty.") % {"label": label}, field=field)
    if len(value) > limit:
        raise ApplicationError(
            _("%(label)s is %(n)s characters long; at most %(max)s are allowed.")
            % {"label": label, "n": len(value), "max": limit},
            field=field,
        )
    return value


def line_diff(old: list[str], new: list[str]) -> list[tuple[str, str]]:
    """(kind, line) pairs from `old` to `new`: kind "+" added, "-" removed, " " kept."""
    import difflib

    return [(line[0], line[2:]) for line in difflib.ndiff(old, new) if not line.startswith("? ")]

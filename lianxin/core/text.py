"""Chinese text helpers: masking personal data for pages that must not show it."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from .errors import ApplicationError

PHONE_RE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
LANDLINE_RE = re.compile(r"(?<!\d)(0\d{2,3})-?\d{3,4}(\d{4})(?!\d)")
ID_RE = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])")
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


def redact(text: str, names: list[str] = ()) -> str:
    """Replace the given names with 某某 and mask phone and ID numbers in free text."""
    out = text or ""
    for name in sorted({n for n in names if n and len(n) >= 2}, key=len, reverse=True):
        out = out.replace(name, "某某")
    out = ID_RE.sub(lambda m: m.group(1) + "********" + m.group(2), out)
    out = PHONE_RE.sub(lambda m: m.group(1) + "****" + m.group(2), out)
    out = LANDLINE_RE.sub(lambda m: m.group(1) + "-****" + m.group(2), out)
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

"""Files the public sends (photos, scans, evidence): images and PDF only, judged by their
content, never by their name; kept outside the web root under `DATA_DIR/files/`, named by
their SHA-256, so the same file sent twice is stored once and a name can never reach a path.

Every channel and every app that takes files goes through `accept()`; serving goes through
`response()` after the caller's own access check.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path

from django.conf import settings
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .errors import ApplicationError

MAX_FILE = 10 * 1024 * 1024
MAX_FILES = 5
MAX_PIXELS = 40_000_000

# content type -> (magic prefixes, the name endings that may go with it)
KINDS = {
    "image/jpeg": ((b"\xff\xd8\xff",), (".jpg", ".jpeg", ".jfif")),
    "image/png": ((b"\x89PNG\r\n\x1a\n",), (".png",)),
    "image/gif": ((b"GIF87a", b"GIF89a"), (".gif",)),
    "image/webp": ((b"RIFF",), (".webp",)),
    "application/pdf": ((b"%PDF-",), (".pdf",)),
}
ALLOWED_LABEL = gettext_lazy("photos (JPEG, PNG, GIF, WebP) or PDF")


@dataclass(frozen=True)
class Accepted:
    """A checked file, already on disk."""

    name: str
    content_type: str
    size: int
    sha256: str

    @property
    def path(self) -> Path:
        return stored_path(self.sha256)

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


def sniff(data: bytes) -> str | None:
    """The content type the bytes really are, among those we take; None otherwise."""
    for ctype, (magics, _endings) in KINDS.items():
        if any(data.startswith(m) for m in magics):
            if ctype == "image/webp" and data[8:12] != b"WEBP":
                continue
            return ctype
    return None


def _readable(ctype: str, data: bytes) -> bool:
    """Decode the file far enough to know it is what its first bytes claim."""
    if ctype == "application/pdf":
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        try:
            return len(PdfReader(io.BytesIO(data), strict=False).pages) > 0
        except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError):
            return False
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.width * img.height > MAX_PIXELS:
                return False
            img.verify()
        return True
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return False


def clean_name(name: str) -> str:
    name = os.path.basename((name or "").replace("\\", "/")).strip()
    name = "".join(c for c in name if c.isprintable() and c not in '<>:"|?*')
    return name[-120:] or "file"


def check(name: str, data: bytes, *, field: str = "files") -> str:
    """The content type of an acceptable file; ApplicationError naming the file otherwise."""
    shown = clean_name(name)
    if not data:
        raise ApplicationError(_("%(name)s is empty.") % {"name": shown}, field=field)
    if len(data) > MAX_FILE:
        raise ApplicationError(
            _("%(name)s is larger than %(mb)d MB.") % {"name": shown, "mb": MAX_FILE // 2**20},
            field=field,
        )
    ctype = sniff(data)
    if ctype is None or not _readable(ctype, data):
        raise ApplicationError(
            _("%(name)s is not one of the files we take: %(allowed)s.")
            % {"name": shown, "allowed": ALLOWED_LABEL},
            field=field,
        )
    ending = os.path.splitext(shown)[1].lower()
    known_endings = {e for _m, endings in KINDS.values() for e in endings}
    if ending and ending not in KINDS[ctype][1]:
        # A name that promises another kind (a PDF called photo.jpg, a page called scan.pdf)
        raise ApplicationError(
            _("%(name)s is not what its name says: its content is %(kind)s.")
            % {"name": shown, "kind": ctype}
            if ending in known_endings
            else _("%(name)s is not one of the files we take: %(allowed)s.")
            % {"name": shown, "allowed": ALLOWED_LABEL},
            field=field,
        )
    return ctype


def stored_path(sha256: str) -> Path:
    return settings.DATA_DIR / "files" / sha256[:2] / sha256


def _write(data: bytes, sha: str) -> None:
    path = stored_path(sha)
    if path.exists():
        _undate(path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{sha}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _undate(path)


def _undate(path: Path) -> None:
    """A stored file and its folders carry the day, never the moment, of their writing:
    a file's modification time would date an anonymous report's evidence to the second."""
    from . import clock

    day = datetime.combine(timezone.localdate(clock.now()), time.min)
    stamp = timezone.make_aware(day).timestamp()
    for p in (path, path.parent, path.parent.parent):
        with contextlib.suppress(OSError):  # a folder we may not touch: the file matters most
            os.utime(p, (stamp, stamp))


def accept(items: list[tuple[str, bytes]], *, field: str = "files") -> list[Accepted]:
    """Check every file first (one refusal refuses all), then store them.

    Stored before the caller's transaction: a file whose database row is rolled back stays on
    disk unreferenced, which is harmless (content-addressed, never served without a row).
    """
    if len(items) > MAX_FILES:
        raise ApplicationError(_("At most %(n)d files at once.") % {"n": MAX_FILES}, field=field)
    checked = [(clean_name(name), data, check(name, data, field=field)) for name, data in items]
    out = []
    for name, data, ctype in checked:
        sha = hashlib.sha256(data).hexdigest()
        _write(data, sha)
        out.append(Accepted(name=name, content_type=ctype, size=len(data), sha256=sha))
    return out


def read_uploads(uploaded, *, field: str = "files") -> list[tuple[str, bytes]]:
    """Django UploadedFiles as (name, bytes), refusing an oversized one before reading it."""
    items = []
    for f in uploaded or []:
        if f.size is not None and f.size > MAX_FILE:
            raise ApplicationError(
                _("%(name)s is larger than %(mb)d MB.")
                % {"name": clean_name(f.name), "mb": MAX_FILE // 2**20},
                field=field,
            )
        items.append((f.name, f.read(MAX_FILE + 1)))
    return items


def response(*, sha256: str, content_type: str, name: str, download: bool = False):
    """Serve a stored file after the caller's access check: its own type, never sniffed
    by the browser, in a sandbox, not cached by shared caches."""
    path = stored_path(sha256)
    if not path.exists():
        from django.http import Http404

        raise Http404
    resp = FileResponse(
        open(path, "rb"),  # noqa: SIM115 - FileResponse closes it
        content_type=content_type,
        as_attachment=download or content_type not in KINDS,
        filename=name,
    )
    resp["X-Content-Type-Options"] = "nosniff"
    resp["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'"
    resp["Cache-Control"] = "private, no-store"
    return resp

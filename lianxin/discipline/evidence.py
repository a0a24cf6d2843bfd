"""Evidence from reporters, stored without what the camera wrote into it: a photo's EXIF
(the moment it was taken, the place, the phone's make and serial) or a PNG's text chunks
would tie an anonymous report to a time and a person. Pictures are decoded and saved again
without their metadata (turned upright first); anything else goes to core.files as sent,
and core.files judges every file as usual."""

from __future__ import annotations

import io

from lianxin.core import files

FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}


def without_metadata(data: bytes) -> bytes:
    """The picture saved again without EXIF, XMP, ICC or text chunks; other bytes as they
    are (a PDF, an animated or unreadable picture: core.files decides on them)."""
    kind = FORMATS.get(files.sniff(data) or "")
    if kind is None:
        return data
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.width * img.height > files.MAX_PIXELS or getattr(img, "is_animated", False):
                return data
            img = ImageOps.exif_transpose(img)
            if kind == "JPEG" and img.mode not in ("RGB", "L"):
                img = img.convert("RGB")
            out = io.BytesIO()
            img.save(out, kind, **({"quality": 92} if kind != "PNG" else {}))
            return out.getvalue()
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return data


def accept(uploaded) -> list[files.Accepted]:
    """A reporter's uploads, without metadata, checked and stored by core.files."""
    if not uploaded:
        return []
    items = files.read_uploads(uploaded)
    return files.accept([(name, without_metadata(data)) for name, data in items])

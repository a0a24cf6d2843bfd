"""Real files for tests and the demo: a PNG and a JPEG drawn by Pillow, a PDF written by
pypdf, so that the checks in core.files meet what phones and scanners send."""

from __future__ import annotations

import io


def png(width: int = 64, height: int = 48, color=(200, 60, 40)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "PNG")
    return out.getvalue()


def jpeg(width: int = 64, height: int = 48, color=(40, 120, 200)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "JPEG", quality=80)
    return out.getvalue()


def pdf(pages: int = 1) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def road_photo(seed: int = 0) -> bytes:
    """A drawn 'photo' of a road with a pothole, for the demo's cases."""
    import random

    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    img = Image.new("RGB", (480, 320), (150, 150, 146))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, 480, 90), fill=(170, 200, 230))
    draw.polygon([(0, 320), (200, 90), (280, 90), (480, 320)], fill=(90, 90, 92))
    draw.line([(240, 90), (240, 320)], fill=(235, 200, 40), width=6)
    x, y = rng.randint(140, 300), rng.randint(190, 260)
    draw.ellipse((x, y, x + rng.randint(60, 120), y + rng.randint(25, 45)), fill=(40, 36, 32))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=70)
    return out.getvalue()

"""Zip archives from outside (xlsx spreadsheets) are checked before any reader opens them.

A 300 KB spreadsheet can unpack to gigabytes (a zip bomb). Before calamine or openpyxl sees
the file: the sizes the archive declares must stay under LIANXIN_ZIP_MAX_BYTES in all and no
part may be packed more than LIANXIN_ZIP_MAX_RATIO times; then every part is unpacked once in
1 MB steps by Python's zipfile, which stops at the declared size and checks the CRC, so an
archive that lies about its sizes is refused too, with memory bounded all along.
"""

from __future__ import annotations

import io
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _

from .errors import ApplicationError

SMALL = 2**20  # parts under 1 MB unpacked are never too packed to matter
# How an xlsx packs its parts; anything else (bzip2, lzma, an encrypted part) is not one.
METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
ENCRYPTED = 0x1  # general purpose bit 0 of a zip entry


def check_zip(data: bytes, *, field: str = "file") -> None:
    """Raise ApplicationError unless `data` is a zip archive that unpacks within limits."""
    max_bytes = int(getattr(settings, "LIANXIN_ZIP_MAX_BYTES", 300 * 2**20))
    max_ratio = int(getattr(settings, "LIANXIN_ZIP_MAX_RATIO", 200))
    not_xlsx = ApplicationError(_("This is not an Excel (.xlsx) file."), field=field)
    refused = ApplicationError(
        _("The file unpacks to more than %(mb)d MB or is packed suspiciously tightly.")
        % {"mb": max_bytes // 2**20},
        field=field,
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > 10_000 or sum(i.file_size for i in infos) > max_bytes:
                raise refused
            for info in infos:
                if info.compress_type not in METHODS or info.flag_bits & ENCRYPTED:
                    raise not_xlsx
                if info.file_size > SMALL and info.file_size > max_ratio * max(
                    info.compress_size, 1
                ):
                    raise refused
            for info in infos:
                with archive.open(info) as part:
                    while part.read(SMALL):
                        pass
    except ApplicationError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError):
        raise not_xlsx from None

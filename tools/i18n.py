"""Compile the translation catalogs with Babel (pure Python: no gettext needed).

    python tools/i18n.py compile   # locale/*/LC_MESSAGES/django.po -> django.mo
    python tools/i18n.py check     # fail if a zh_Hans message is untranslated or fuzzy

`make messages` runs Django's makemessages (which needs xgettext) and then this.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def catalogs():
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/django.po")):
        with po.open("rb") as fh:
            yield po, read_po(fh, locale=po.parts[-3])


def missing(catalog) -> list[str]:
    return [
        str(m.id)
        for m in catalog
        if m.id and (m.fuzzy or not (m.string if isinstance(m.string, str) else all(m.string)))
    ]


def compile_all() -> None:
    for po, catalog in catalogs():
        with po.with_suffix(".mo").open("wb") as fh:
            write_mo(fh, catalog, use_fuzzy=False)
        print(f"compiled {po.with_suffix('.mo').relative_to(LOCALE.parent)}")


def check() -> int:
    bad = 0
    for po, catalog in catalogs():
        if po.parts[-3] == "en":
            continue  # English is the source language: msgids are the English text
        for msgid in missing(catalog):
            print(f"{po.relative_to(LOCALE.parent)}: untranslated: {msgid!r}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    if command == "compile":
        compile_all()
    elif command == "check":
        sys.exit(check())
    else:
        sys.exit(__doc__)

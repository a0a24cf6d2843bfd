"""Fill zh_Hans translations from a Python dict file: python tools/fill_po.py dict.py

The file defines T = {msgid: msgstr, (singular, plural): (msgstr,)}; a message with a
context is keyed "context|msgid". Filled entries lose
their fuzzy mark. A helper for translators; `tools/i18n.py check` is the gate."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parent.parent / "locale/zh_Hans/LC_MESSAGES/django.po"


def main(path: str) -> None:
    table = runpy.run_path(path)["T"]
    with PO.open("rb") as fh:
        catalog = read_po(fh, locale="zh_Hans")
    filled = 0
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else tuple(message.id)
        if message.context:  # "context|msgid" for messages with a msgctxt
            key = f"{message.context}|{key}"
        if key in table:
            value = table[key]
            message.string = value if isinstance(value, str) else tuple(value)
            if message.fuzzy:
                message.flags.discard("fuzzy")
            message.previous_id = []
            filled += 1
    with PO.open("wb") as fh:
        write_po(fh, catalog, width=100, omit_header=False)
    print(f"filled {filled}")


if __name__ == "__main__":
    main(sys.argv[1])

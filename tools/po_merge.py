"""A git merge driver for the translation catalogs: the union of both sides' messages.

Two branches that each add messages conflict all over the .po files (makemessages rewrites
source references and order). This driver merges by msgid instead: every message of either
side is kept; where both sides changed a translation, ours wins. Run `make messages` after
the merge to normalise the file and compile the .mo.

Register it once per clone:

    git config merge.po.driver "python3 tools/po_merge.py %O %A %B"
    git config merge.mo.driver true          # keep ours; `make messages` recompiles
    printf '*.po merge=po\\n*.mo merge=mo\\n' >> .git/info/attributes
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po


def _read(path: str):
    with open(path, "rb") as fh:
        return read_po(fh)


def merge(base_path: str, ours_path: str, theirs_path: str) -> int:
    base, ours, theirs = _read(base_path), _read(ours_path), _read(theirs_path)
    for message in theirs:
        if not message.id:
            continue
        mine = ours.get(message.id, message.context)
        if mine is None:
            ours[message.id] = message
            continue
        before = base.get(message.id, message.context)
        unchanged = before is not None and before.string == mine.string
        if (not mine.string or unchanged) and message.string:
            mine.string = message.string
            mine.flags = set(message.flags)
        mine.locations = sorted(set(mine.locations) | set(message.locations))
    with Path(ours_path).open("wb") as fh:
        write_po(fh, ours, width=76)
    return 0


if __name__ == "__main__":
    sys.exit(merge(*sys.argv[1:4]))

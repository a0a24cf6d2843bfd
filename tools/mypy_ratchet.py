"""mypy with a ratchet: no file may get worse; the modules listed in CLEAN are the target.

    python tools/mypy_ratchet.py            # check (part of `make lint`)
    python tools/mypy_ratchet.py --update   # rewrite the baseline after fixing errors

The baseline (tools/mypy-baseline.txt) lists, per file, how many errors it may still have;
a file not listed may have none. A file may only go down: fix errors, then run --update and
commit the smaller numbers. The modules of CLEAN (core, org, cases, stats and every
actions/access/queries) have reached zero and must stay there: one error in them fails the
check whatever the baseline says, and --update will not write it into the baseline.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tools" / "mypy-baseline.txt"

# Modules that must have no error at all (DESIGN: the domain code is typed).
CLEAN = [
    re.compile(p)
    for p in (
        r"^lianxin/core/",
        r"^lianxin/org/",
        r"^lianxin/cases/(?!demo_data)",
        r"^lianxin/stats/",
        r"^lianxin/\w+/actions(\.py|/)",
        r"^lianxin/\w+/access\.py$",
        r"^lianxin/\w+/queries\.py$",
    )
]
LINE = re.compile(r"^(lianxin/[^:]+\.py):\d+: error:")


def run_mypy() -> tuple[Counter, str]:
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "lianxin"], cwd=ROOT, capture_output=True, text=True
    )
    counts: Counter = Counter()
    for line in out.stdout.splitlines():
        m = LINE.match(line)
        if m:
            counts[m.group(1)] += 1
    return counts, out.stdout


def read_baseline() -> dict[str, int]:
    if not BASELINE.exists():
        return {}
    rows = (line.split() for line in BASELINE.read_text().splitlines() if line.strip())
    return {path: int(n) for n, path in rows}


def must_be_clean(path: str) -> bool:
    return any(p.search(path) for p in CLEAN)


def main() -> int:
    counts, output = run_mypy()
    dirty = sorted(path for path in counts if must_be_clean(path))
    if dirty:
        for path in dirty:
            print(f"{path}: {counts[path]} mypy errors in a module that must be clean")
        print("\n".join(line for line in output.splitlines() if line.startswith(tuple(dirty))))
        return 1
    if "--update" in sys.argv:
        lines = [f"{n:4d} {path}" for path, n in sorted(counts.items())]
        BASELINE.write_text("\n".join(lines) + "\n")
        print(f"baseline: {sum(counts.values())} errors in {len(counts)} files")
        return 0
    baseline = read_baseline()
    bad = []
    for path, n in sorted(counts.items()):
        allowed = baseline.get(path, 0)
        if n > allowed:
            bad.append(path)
            print(f"{path}: {n} mypy errors (allowed {allowed})")
    if bad:
        shown = [line for line in output.splitlines() if any(line.startswith(b) for b in bad)]
        print("\n".join(shown))
        return 1
    print(
        f"mypy: {sum(counts.values())} errors, none beyond the ratchet, "
        "none in the modules that must be clean"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What protecting reporters costs, measured in one run on this machine.

    make bench

1. a receipt check (scrypt, N=2^14, r=8) against a plain SHA-256 of the same receipt: the
   ratio is what an attacker with a stolen table pays per guess over a fast hash;
2. the proof of work of the report form (16 bits), solved in Python as a script would,
   against one verification by the server;
3. sealing and unsealing a named reporter's identity (Fernet).
"""

from __future__ import annotations

import hashlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lianxin.settings")
os.environ.setdefault("LIANXIN_DATA_DIR", tempfile.mkdtemp(prefix="lianxin-bench-"))

import django  # noqa: E402

django.setup()

from lianxin.core import pow  # noqa: E402
from lianxin.discipline import sealing  # noqa: E402


def per_call(func, n):
    start = time.perf_counter()
    for _ in range(n):
        func()
    return (time.perf_counter() - start) / n


def main() -> None:
    receipt = sealing.new_receipt()
    slow = per_call(lambda: sealing.receipt_digest(receipt), 20)
    fast = per_call(lambda: hashlib.sha256(receipt.encode()).hexdigest(), 20000)
    print(f"receipt check (scrypt): {slow * 1000:.1f} ms; plain SHA-256: {fast * 1e6:.2f} us; "
          f"ratio {slow / fast:,.0f}x")  # fmt: skip
    print(
        f"  guessing 10^16 receipts offline: {slow * 1e16 / 3.15e7 / 1e6:,.0f} million "
        "CPU-years at this speed"
    )
    solves = []
    for _ in range(8):
        token = pow.challenge()
        start = time.perf_counter()
        pow.solve(token)
        solves.append(time.perf_counter() - start)
    token = pow.challenge()
    counter = pow.solve(token)
    verify = per_call(lambda: hashlib.sha256(f"{token}:{counter}".encode()).digest(), 20000)
    print(f"proof of work ({pow.bits()} bits) solved in Python: median "
          f"{statistics.median(solves) * 1000:.0f} ms (max {max(solves) * 1000:.0f} ms); "
          f"one verifying hash {verify * 1e6:.2f} us; ratio "
          f"{statistics.median(solves) / verify:,.0f}x")  # fmt: skip
    identity = {"name": "欧阳举报人", "phone": "13987654321", "contact": ""}
    sealed = sealing.seal(identity)
    seal = per_call(lambda: sealing.seal(identity), 2000)
    unseal = per_call(lambda: sealing.unseal(sealed), 2000)
    print(f"seal identity: {seal * 1e6:.0f} us; unseal: {unseal * 1e6:.0f} us")


if __name__ == "__main__":
    main()

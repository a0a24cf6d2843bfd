"""Protecting reporters.

- A named reporter's name and contact are sealed with Fernet (AES-128-CBC + HMAC-SHA256)
  under a key kept in a file outside the database (`LIANXIN_REPORTER_KEY_FILE`, default
  `$LIANXIN_DATA_DIR/reporter.key`, created 0600 on first use; in production put it on
  another volume than the database and back it up separately). A database dump alone
  reveals no reporter.
- A receipt is 16 random digits, shown once. Only its scrypt hash (N=2^14, r=8, salted with
  a key derived from the secret key) is stored: a stolen table cannot be searched for
  receipts faster than by running scrypt 10^16 times. The hash is the lookup key, so a check
  costs one scrypt whether the receipt exists or not, and the stored value is compared in
  constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.utils.crypto import salted_hmac

RECEIPT_DIGITS = 16


def key_file() -> Path:
    configured = getattr(settings, "LIANXIN_REPORTER_KEY_FILE", "")
    return Path(configured) if configured else settings.DATA_DIR / "reporter.key"


def _fernet() -> Fernet:
    path = key_file()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first
            pass
        else:
            with os.fdopen(fd, "wb") as fh:
                fh.write(Fernet.generate_key())
    return Fernet(path.read_bytes().strip())


def seal(identity: dict) -> str:
    return _fernet().encrypt(json.dumps(identity, ensure_ascii=False).encode()).decode()


def unseal(token: str) -> dict | None:
    if not token:
        return None
    try:
        return json.loads(_fernet().decrypt(token.encode()))
    except InvalidToken:
        return None


def new_receipt() -> str:
    return f"{secrets.randbelow(10**RECEIPT_DIGITS):0{RECEIPT_DIGITS}d}"


def normalize_receipt(text: str) -> str:
    return "".join(ch for ch in (text or "") if ch.isdigit())


def receipt_digest(receipt: str) -> str:
    salt = salted_hmac("lianxin.discipline.receipt", "salt").digest()
    return hashlib.scrypt(
        normalize_receipt(receipt).encode(), salt=salt, n=2**14, r=8, p=1, dklen=32
    ).hex()


def receipt_matches(receipt: str, stored: str) -> bool:
    return hmac.compare_digest(receipt_digest(receipt), stored)


def show_receipt(receipt: str) -> str:
    return " ".join(receipt[i : i + 4] for i in range(0, len(receipt), 4))

"""Backups: the database, the stored files, and the keys kept apart.

A backup is a folder:

    manifest.json      what is in it, with the SHA-256 and size of every part
    database.sqlite3   SQLite: an online copy (the sqlite3 backup API; writers go on)
    database.pgdump    PostgreSQL: `pg_dump --format=custom`
    files.tar          DATA_DIR/files (photos, PDFs, evidence; each named by its SHA-256)

and, in a SEPARATE file (`<folder>.keys.json` unless told otherwise, mode 0600), the keys:
the reporter key that unseals named reporters' identities (docs/decisions/006) and the
secret key (receipts of misconduct reports are hashed with a salt derived from it). The keys
file must be stored apart from the backup folder: whoever holds both can read every named
reporter. The manifest names the keys file's digest, so a restore knows it has the right one.

Restoring checks every digest first (and each stored file against its name), refuses a data
folder or a database that already holds data unless forced, then writes the database, the
files and the keys.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connections

from . import clock

FORMAT = 1
MANIFEST = "manifest.json"
FILES_TAR = "files.tar"
SQLITE_DUMP = "database.sqlite3"
PG_DUMP = "database.pgdump"
STORED = re.compile(r"^files/[0-9a-f]{2}/[0-9a-f]{64}$")
# What a data folder holds before anything was stored in it: settings.py writes the secret
# key and the static folder on start.
FRESH_ENTRIES = {"secret_key", "staticfiles"}


class BackupError(Exception):
    """A refusal, with a message for the operator."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def reporter_key_file(data_dir: Path | None = None) -> Path:
    """Where the reporter key lives (the same rule as discipline.sealing.key_file; core
    imports no domain app)."""
    configured = getattr(settings, "LIANXIN_REPORTER_KEY_FILE", "")
    if configured:
        return Path(configured)
    return Path(data_dir or settings.DATA_DIR) / "reporter.key"


def _is_sqlite(db: dict) -> bool:
    return db["ENGINE"] == "django.db.backends.sqlite3"


def _pg_env(db: dict) -> dict:
    env = dict(os.environ)
    for var, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")):
        if db.get(key):
            env[var] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _run(cmd: list[str], env: dict) -> None:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{cmd[0]} failed: {done.stderr.strip()[-2000:]}")


def _part(path: Path) -> dict:
    return {"name": path.name, "sha256": sha256_of(path), "size": path.stat().st_size}


@dataclass
class Made:
    folder: Path
    keys: Path
    manifest: dict


def make(output: Path, *, keys: Path | None = None, database: str = "default") -> Made:
    """Write a backup into `output` (absent or empty) and the keys into `keys`."""
    output = Path(output).resolve()
    keys = Path(keys).resolve() if keys else output.with_name(output.name + ".keys.json")
    if output.exists() and any(output.iterdir()):
        raise BackupError(f"{output} is not empty; choose a new folder.")
    if keys.is_relative_to(output):
        raise BackupError("The keys file must not be inside the backup folder.")
    if keys.exists():
        raise BackupError(f"{keys} exists; choose a new name for the keys file.")
    output.mkdir(parents=True, exist_ok=True)
    db = connections[database].settings_dict

    if _is_sqlite(db):
        target = output / SQLITE_DUMP
        source = sqlite3.connect(db["NAME"])
        copy = sqlite3.connect(target)
        try:
            with copy:
                source.backup(copy)
        finally:
            copy.close()
            source.close()
        engine = "sqlite"
    else:
        target = output / PG_DUMP
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-acl", "-f", str(target), db["NAME"]],
            _pg_env(db),
        )
        engine = "postgresql"

    files_dir = Path(settings.DATA_DIR) / "files"
    count = 0
    with tarfile.open(output / FILES_TAR, "w") as tar:
        if files_dir.is_dir():
            for path in sorted(files_dir.rglob("*")):
                name = path.relative_to(files_dir.parent).as_posix()
                if path.is_file() and STORED.match(name):
                    tar.add(path, arcname=name, recursive=False)
                    count += 1

    key_path = reporter_key_file()
    keys_doc = {
        "format": FORMAT,
        "reporter_key": key_path.read_text().strip() if key_path.exists() else None,
        "secret_key": settings.SECRET_KEY,
    }
    fd = os.open(keys, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(keys_doc, fh)

    manifest = {
        "format": FORMAT,
        "made_at": clock.now().isoformat(),
        "engine": engine,
        "database": _part(target),
        "files": {**_part(output / FILES_TAR), "count": count},
        "keys": {"name": keys.name, "sha256": sha256_of(keys)},
    }
    (output / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return Made(folder=output, keys=keys, manifest=manifest)


def verify(folder: Path, keys: Path) -> dict:
    """The manifest, once every part matches its digest; a BackupError otherwise."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(f"No readable manifest in {folder}: {exc}") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    for part in (manifest["database"], manifest["files"]):
        path = folder / part["name"]
        if not path.is_file():
            raise BackupError(f"{part['name']} is missing from the backup.")
        if sha256_of(path) != part["sha256"]:
            raise BackupError(f"{part['name']} does not match its digest: the backup is damaged.")
    if not Path(keys).is_file() or sha256_of(Path(keys)) != manifest["keys"]["sha256"]:
        raise BackupError(
            f"{keys} is not the keys file of this backup (expected {manifest['keys']['name']})."
        )
    return manifest


def _data_has_content(data_dir: Path) -> list[str]:
    if not data_dir.exists():
        return []
    found = []
    for entry in data_dir.iterdir():
        if entry.name in FRESH_ENTRIES:
            continue
        if entry.is_file() and entry.stat().st_size == 0:
            continue  # an empty SQLite file opened by a check
        found.append(entry.name)
    return sorted(found)


def _pg_has_tables(db: dict) -> bool:
    import psycopg

    conninfo = {
        "dbname": db["NAME"],
        "host": db.get("HOST") or None,
        "port": db.get("PORT") or None,
        "user": db.get("USER") or None,
        "password": db.get("PASSWORD") or None,
    }
    with psycopg.connect(**{k: v for k, v in conninfo.items() if v}) as conn:
        row = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
    return bool(row and row[0])


def restore(
    folder: Path,
    *,
    keys: Path,
    data_dir: Path | None = None,
    db: dict | None = None,
    force: bool = False,
) -> dict:
    """Restore a backup into `data_dir` (default DATA_DIR) and the database `db` (a settings
    dict; default: SQLite in that data folder, or the configured database)."""
    folder = Path(folder).resolve()
    manifest = verify(folder, keys)
    data_dir = Path(data_dir or settings.DATA_DIR).resolve()
    if db is None:
        db = dict(connections["default"].settings_dict)
        if _is_sqlite(db):
            db["NAME"] = str(data_dir / "lianxin.sqlite3")
    sqlite = _is_sqlite(db)
    if manifest["engine"] != ("sqlite" if sqlite else "postgresql"):
        raise BackupError(f"This backup is of a {manifest['engine']} database; the target is not.")
    keys_doc = json.loads(Path(keys).read_text())

    if not force:
        busy = _data_has_content(data_dir)
        if busy:
            raise BackupError(
                f"The data folder {data_dir} is not empty ({', '.join(busy[:5])}); "
                "restore into an empty one, or use --force to overwrite."
            )
        if sqlite and Path(db["NAME"]).exists() and Path(db["NAME"]).stat().st_size:
            raise BackupError(f"The database {db['NAME']} exists; use --force to overwrite.")
        key_path = reporter_key_file(data_dir)
        if (
            keys_doc.get("reporter_key")
            and key_path.exists()
            and key_path.read_text().strip() != keys_doc["reporter_key"]
        ):
            raise BackupError(
                f"{key_path} holds another reporter key; use --force to replace it "
                "(identities sealed with it could no longer be read)."
            )
        if not sqlite and _pg_has_tables(db):
            raise BackupError(
                f"The database {db['NAME']} has tables; restore into an empty database, "
                "or use --force to replace them."
            )

    # Stored files: extract into a scratch folder, check each against its name, then move.
    data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=data_dir) as scratch:
        with tarfile.open(folder / FILES_TAR) as tar:
            members = tar.getmembers()
            for m in members:
                if not (m.isfile() and STORED.match(m.name)):
                    raise BackupError(f"Unexpected entry {m.name!r} in {FILES_TAR}.")
            tar.extractall(scratch, members=members, filter="data")
        for m in members:
            path = Path(scratch) / m.name
            if sha256_of(path) != path.name:
                raise BackupError(f"Stored file {m.name} does not match its name.")
        for m in members:
            dest = data_dir / m.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(Path(scratch) / m.name, dest)

    # The database.
    dump = folder / manifest["database"]["name"]
    if sqlite:
        target = Path(db["NAME"])
        target.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        source = sqlite3.connect(dump)
        copy = sqlite3.connect(target)
        try:
            with copy:
                source.backup(copy)
        finally:
            copy.close()
            source.close()
    else:
        cmd = ["pg_restore", "--no-owner", "--no-acl", "--exit-on-error", "-d", db["NAME"]]
        if force:
            cmd[1:1] = ["--clean", "--if-exists"]
        else:
            cmd[1:1] = ["--single-transaction"]
        _run([*cmd, str(dump)], _pg_env(db))

    # The keys, last: written only once everything else is in place.
    _write_secret(data_dir / "secret_key", keys_doc["secret_key"])
    if keys_doc.get("reporter_key"):
        _write_secret(reporter_key_file(data_dir), keys_doc["reporter_key"])
    return manifest


def _write_secret(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(text)
    os.replace(tmp, path)

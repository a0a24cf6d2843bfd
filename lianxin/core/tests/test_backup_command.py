"""`lianxin backup` and `lianxin restore`: a case with its photo and a named misconduct
report come back from a backup restored into an empty data folder and a fresh database;
the keys travel in their own file; a damaged backup or a folder in use is refused.

On SQLite by default; on PostgreSQL (pg_dump / pg_restore into a fresh database) when
DATABASE_URL points at one.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys

import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connections

from lianxin.cases import actions as case_actions
from lianxin.cases.models import Category
from lianxin.core import files, samples
from lianxin.core.actor import Actor
from lianxin.discipline import actions as discipline_actions
from lianxin.discipline import sealing
from lianxin.discipline.tests.conftest import dc  # noqa: F401 (shared fixture)
from lianxin.rules.tests.conftest import rc  # noqa: F401 (shared fixture)

pytestmark = pytest.mark.django_db(transaction=True)  # pg_dump reads committed rows only


@pytest.fixture
def records(dc):  # noqa: F811
    road = Category.objects.create(root=dc.root, name="路面病害", default_unit=dc.station_a)
    photo = samples.png(color=(10, 200, 30))
    case, secret = case_actions.case_receive(
        root=dc.root,
        kind="complaint",
        channel="web",
        category=road,
        content="青山路K12+300处护栏被撞坏，附现场照片。",
        citizen_phone="13812345678",
        files=files.accept([("护栏.png", photo)]),
        actor=Actor.citizen("web"),
    )
    report, receipt = discipline_actions.report_submit(
        root=dc.root,
        accused_unit=dc.station_a,
        what="上班时间在治超点玩手机，群众咨询不理睬。",
        name="李举报",
        phone="13700001111",
    )
    return case, photo, report, receipt


@pytest.fixture
def restored_db(tmp_path):
    """A fresh database to restore into: None for SQLite (the data folder's own file), or
    the URL of a new PostgreSQL database, dropped afterwards."""
    base = dict(connections["default"].settings_dict)
    if base["ENGINE"] == "django.db.backends.sqlite3":
        yield None
        return
    name = f"{base['NAME']}_restored"
    admin = dict(dbname=base["NAME"], host=base["HOST"], port=base["PORT"])
    admin.update(user=base["USER"], password=base["PASSWORD"])
    admin = {k: v for k, v in admin.items() if v}
    with psycopg.connect(**admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    port = f":{base['PORT']}" if base["PORT"] else ""
    password = f":{base['PASSWORD']}" if base["PASSWORD"] else ""
    yield f"postgres://{base['USER']}{password}@{base['HOST']}{port}/{name}"
    with psycopg.connect(**admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# Run by a new process configured only by the restored data folder (and database): what the
# application itself reads back after a restore.
READ_BACK = """
import hashlib, json, sys
import django
django.setup()
from lianxin.cases.models import Attachment, Case
from lianxin.core import files
from lianxin.discipline import actions, sealing
from lianxin.discipline.models import Report
code, number, receipt = sys.argv[1:4]
case = Case.objects.get(code=code)
attachment = Attachment.objects.get(case=case)
report = Report.objects.get(number=number)
found = actions.report_by_receipt(receipt)
print(json.dumps({
    "content": case.content,
    "photo": hashlib.sha256(files.stored_path(attachment.sha256).read_bytes()).hexdigest(),
    "identity": sealing.unseal(report.reporter_sealed),
    "receipt_opens": found is not None and found.pk == report.pk,
}, ensure_ascii=False))
"""


def _read_back(new, url, case, report, receipt):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "LIANXIN_"))}
    env.pop("DATABASE_URL", None)
    env.update(LIANXIN_DATA_DIR=str(new), DJANGO_SETTINGS_MODULE="lianxin.settings")
    if url:
        env["DATABASE_URL"] = url
    done = subprocess.run(
        [sys.executable, "-c", READ_BACK, case.code, report.number, receipt],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _backup(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    call_command("backup", str(tmp_path / "backup"), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _restore(tmp_path, url, *extra):
    args = ["restore", str(tmp_path / "backup"), "--keys", str(tmp_path / "backup.keys.json")]
    args += ["--data-dir", str(tmp_path / "new-data"), *extra]
    if url:
        args += ["--database-url", url]
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_restore_brings_back_the_case_its_photo_and_the_sealed_reporter(
    records, restored_db, tmp_path
):
    case, photo, report, receipt = records
    url = restored_db
    out, err = _backup(tmp_path)
    assert "stored files" in out and "ELSEWHERE" in err
    backup = tmp_path / "backup"
    keys = tmp_path / "backup.keys.json"
    # The keys are apart: not in the folder, readable by the owner only.
    assert sorted(p.name for p in backup.iterdir()) == [
        "database.pgdump" if url else "database.sqlite3",
        "files.tar",
        "manifest.json",
    ]
    assert oct(keys.stat().st_mode & 0o777) == "0o600"
    key_text = sealing.key_file().read_text().strip()
    for part in backup.iterdir():
        assert key_text.encode() not in part.read_bytes()

    (tmp_path / "new-data").mkdir()
    assert "Restored" in _restore(tmp_path, url)

    got = _read_back(tmp_path / "new-data", url, case, report, receipt)
    assert got == {
        "content": case.content,
        "photo": hashlib.sha256(photo).hexdigest(),
        "identity": {"name": "李举报", "phone": "13700001111", "contact": ""},
        "receipt_opens": True,
    }


def test_restore_refuses_a_data_folder_in_use_unless_forced(records, restored_db, tmp_path):
    case, photo, report, receipt = records
    url = restored_db
    _backup(tmp_path)
    new = tmp_path / "new-data"
    new.mkdir()
    (new / "files").mkdir()
    (new / "notes.txt").write_text("本机的其他数据")
    with pytest.raises(CommandError, match="not empty"):
        _restore(tmp_path, url)
    assert sorted(p.name for p in new.iterdir()) == ["files", "notes.txt"]
    assert not any((new / "files").iterdir())
    # --force: the operator's word that this folder may be overwritten.
    assert "Restored" in _restore(tmp_path, url, "--force")
    assert _read_back(new, url, case, report, receipt)["receipt_opens"]


def test_restore_refuses_a_damaged_backup_or_the_wrong_keys(records, tmp_path):
    _backup(tmp_path)
    backup = tmp_path / "backup"
    keys = tmp_path / "backup.keys.json"
    original = keys.read_text()
    doc = json.loads(original)
    key = doc["reporter_key"]  # another first character (a random key may start with "x")
    doc["reporter_key"] = ("y" if key[0] == "x" else "x") + key[1:]
    keys.write_text(json.dumps(doc))
    with pytest.raises(CommandError, match="not the keys file"):
        _restore(tmp_path, None)
    keys.write_text(original)
    tar = backup / "files.tar"
    data = bytearray(tar.read_bytes())
    data[600] ^= 0xFF  # inside the first stored file
    tar.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="files.tar does not match its digest"):
        _restore(tmp_path, None)
    assert not (tmp_path / "new-data").exists() or not any((tmp_path / "new-data").iterdir())


def test_backup_refuses_a_folder_that_holds_something(records, tmp_path):
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "old.txt").write_text("上次的备份")
    with pytest.raises(CommandError, match="not empty"):
        _backup(tmp_path)
    assert not os.path.exists(tmp_path / "backup.keys.json")

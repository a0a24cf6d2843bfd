"""`lianxin restore FOLDER --keys FILE`: put a backup back into an empty data folder."""

from pathlib import Path

import dj_database_url
from django.core.management.base import BaseCommand, CommandError

from lianxin.core import backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `lianxin backup`: every digest is checked first; an "
        "existing data folder or database with data is refused unless --force."
    )
    # No checks: they may open (and so create) the database we are about to restore.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("folder", help="The backup folder (with manifest.json).")
        parser.add_argument("--keys", required=True, help="The keys file of this backup.")
        parser.add_argument(
            "--data-dir", help="The data folder to restore into (default: LIANXIN_DATA_DIR)."
        )
        parser.add_argument(
            "--database-url",
            help="The database to restore into (default: DATABASE_URL, or SQLite in the "
            "data folder).",
        )
        parser.add_argument(
            "--force", action="store_true", help="Overwrite a data folder or database in use."
        )

    def handle(self, *args, folder, keys, data_dir=None, database_url=None, force=False, **kw):
        db = dj_database_url.parse(database_url) if database_url else None
        try:
            manifest = backup.restore(
                Path(folder),
                keys=Path(keys),
                data_dir=Path(data_dir) if data_dir else None,
                db=db,
                force=force,
            )
        except backup.BackupError as err:
            raise CommandError(str(err)) from None
        self.stdout.write(
            f"Restored the backup of {manifest['made_at']}: {manifest['engine']} database, "
            f"{manifest['files']['count']} stored files, keys. Run `lianxin migrate` if this "
            "version is newer than the backup's."
        )

"""`lianxin backup FOLDER`: the database and the stored files, with the keys kept apart."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lianxin.core import backup


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite online backup or pg_dump) and the stored files into "
        "FOLDER, and the reporter key and secret key into a separate keys file."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A new (or empty) folder for the backup.")
        parser.add_argument(
            "--keys",
            help="Where to write the keys file (default: FOLDER.keys.json beside the folder).",
        )

    def handle(self, *args, folder, keys=None, **options):
        try:
            made = backup.make(Path(folder), keys=Path(keys) if keys else None)
        except backup.BackupError as err:
            raise CommandError(str(err)) from None
        m = made.manifest
        self.stdout.write(
            f"Backup written to {made.folder}: {m['engine']} database "
            f"({m['database']['size']} bytes), {m['files']['count']} stored files."
        )
        self.stdout.write(f"Keys written to {made.keys} (mode 600).")
        self.stderr.write(
            self.style.WARNING(
                "WARNING: the keys file unseals the identities of named reporters. Store it "
                "ELSEWHERE than the backup folder (another volume, another place): whoever "
                "holds both can read every named reporter. Without it, restored reports keep "
                "their text but named reporters' contacts and receipts cannot be read."
            )
        )

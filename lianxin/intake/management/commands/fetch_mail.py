"""`lianxin fetch_mail`: read new mail from an IMAP mailbox (or .eml files) into the register.

    lianxin fetch_mail --host imap.example.gov.cn --user box@example.gov.cn --password ... [--ssl]
    lianxin fetch_mail --eml mail1.eml mail2.eml

New mails become cases (channel email); replies go into their case's timeline (a reply to a
merged case into the case it joined); auto-replies and bounces are skipped. A mail is marked
as read (\\Seen) only after it is stored; run it from cron or a systemd timer."""

import imaplib
import os

from django.core.management.base import BaseCommand, CommandError

from lianxin.cases.models import Category
from lianxin.intake.mail import mail_receive
from lianxin.org.models import Unit


class Command(BaseCommand):
    help = "Fetch new mail from IMAP (or read .eml files) into the register."

    def add_arguments(self, parser):
        parser.add_argument("--eml", nargs="*", default=[])
        parser.add_argument("--host", default=os.environ.get("LIANXIN_IMAP_HOST", ""))
        parser.add_argument(
            "--port", type=int, default=int(os.environ.get("LIANXIN_IMAP_PORT", "0") or 0)
        )
        parser.add_argument("--user", default=os.environ.get("LIANXIN_IMAP_USER", ""))
        parser.add_argument("--password", default=os.environ.get("LIANXIN_IMAP_PASSWORD", ""))
        parser.add_argument("--mailbox", default="INBOX")
        parser.add_argument("--ssl", action="store_true")
        parser.add_argument("--category", default="")
        parser.add_argument("--jurisdiction", default="")

    def handle(self, *args, **o):
        roots = Unit.objects.filter(parent__isnull=True)
        root = (
            roots.filter(code=o["jurisdiction"]).first()
            if o["jurisdiction"]
            else roots.order_by("pk").first()
        )
        categories = Category.objects.filter(root=root, is_active=True)
        category = (
            categories.filter(name=o["category"]).first() if o["category"] else categories.first()
        )
        if root is None or category is None:
            raise CommandError("No organisation or category.")
        counts = {"case": 0, "reply": 0, "ignored": 0, "duplicate": 0, "failed": 0}
        for path in o["eml"]:
            with open(path, "rb") as fh:
                outcome, _case = mail_receive(root=root, category=category, raw=fh.read())
            counts[outcome] += 1
        if o["host"]:
            self._imap(o, root, category, counts)
        elif not o["eml"]:
            raise CommandError("Give --host (IMAP) or --eml files.")
        self.stdout.write(
            f"{counts['case']} new cases, {counts['reply']} replies, "
            f"{counts['ignored']} ignored, {counts['duplicate']} already read"
            + (f", {counts['failed']} left unread after an error" if counts["failed"] else "")
        )

    def _imap(self, o, root, category, counts):
        cls = imaplib.IMAP4_SSL if o["ssl"] else imaplib.IMAP4
        port = o["port"] or (993 if o["ssl"] else 143)
        try:
            imap = cls(o["host"], port)
            imap.login(o["user"], o["password"])
            imap.select(o["mailbox"])
            # Flags are read rather than searched (SEARCH UNSEEN is not offered by every
            # server); a mail already read is skipped, and the register dedupes by Message-ID.
            _typ, data = imap.uid("search", None, "ALL")
            for uid in (data[0] or b"").split():
                _typ, flags = imap.uid("fetch", uid, "(FLAGS)")
                if b"\\Seen" in b" ".join(f for f in flags if isinstance(f, bytes)):
                    continue
                # BODY.PEEK leaves the mail unread: it is marked read only once stored, so
                # a mail that could not be stored is tried again on the next run.
                _typ, parts = imap.uid("fetch", uid, "(BODY.PEEK[])")
                raw = next((p[1] for p in parts if isinstance(p, tuple)), None)
                if raw is None:
                    continue
                try:
                    outcome, _case = mail_receive(root=root, category=category, raw=raw)
                except Exception as err:  # one bad mail must not stop the others
                    counts["failed"] += 1
                    self.stderr.write(f"mail {uid.decode()} left unread: {type(err).__name__}")
                    continue
                counts[outcome] += 1
                imap.uid("store", uid, "+FLAGS", "(\\Seen)")
            imap.logout()
        except (OSError, imaplib.IMAP4.error) as err:
            raise CommandError(f"IMAP: {err}") from None

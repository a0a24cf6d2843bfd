"""`lianxin scorecards freeze YYYY-MM [--reason ...] [--org CODE]`: freeze a month's
scorecards (what the clock does on the 5th working day), or recompute a frozen month with a
reason (the old snapshot is kept)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError
from lianxin.core.months import parse
from lianxin.org.models import Unit
from lianxin.stats.actions import scorecard_freeze


class Command(BaseCommand):
    help = "Freeze (or, with a reason, recompute) the scorecards of a month."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True)
        freeze = sub.add_parser("freeze", help="freeze a month YYYY-MM")
        freeze.add_argument("month")
        freeze.add_argument("--reason", default="", help="recompute a frozen month")
        freeze.add_argument("--org", default="", help="code of one organisation (default: all)")

    def handle(self, *args, what, month, reason, org, **options):
        translation.activate(settings.LANGUAGE_CODE)
        first = parse(month)
        if first is None:
            raise CommandError(_("Give the month as YYYY-MM, e.g. 2026-11."))
        roots = Unit.objects.filter(parent__isnull=True, is_active=True)
        if org:
            roots = roots.filter(code=org)
            if not roots.exists():
                raise CommandError(_("No organisation has the code %(code)s.") % {"code": org})
        for root in roots.order_by("pk"):
            try:
                snapshot = scorecard_freeze(
                    root=root, month=first, reason=reason, actor=Actor.system("scorecards")
                )
            except ApplicationError as exc:
                raise CommandError(str(exc.message)) from exc
            self.stdout.write(
                _("%(org)s %(month)s: frozen at %(at)s.")
                % {"org": root.name, "month": month, "at": snapshot.computed_at.isoformat()}
            )

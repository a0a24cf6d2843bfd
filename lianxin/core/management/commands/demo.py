"""`lianxin demo`: load the demo (idempotent: a second run adds nothing).

Each app registers its loader with core.demo (in its lianxin_hooks.py); this command runs
them in their order, each in its own transaction, then prints what each says it loaded.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from lianxin.core import demo


class Command(BaseCommand):
    help = "Load the demo organisation, people, roles and registers (safe to run again)."

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        if getattr(settings, "PRODUCTION", False):
            # its logins share a published password and one is a superuser
            raise CommandError(_("The demo is never loaded on a production system."))
        demo.run(self.stdout.write)

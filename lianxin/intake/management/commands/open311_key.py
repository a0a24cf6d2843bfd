"""`lianxin open311_key "<client name>"`: issue an Open311 api_key (printed once)."""

from django.core.management.base import BaseCommand, CommandError

from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError
from lianxin.intake.actions import open311_client_create
from lianxin.org.models import Unit


class Command(BaseCommand):
    help = "Issue an Open311 api_key to a client system."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("--jurisdiction", default="", help="the organisation's unit code")

    def handle(self, *args, name, jurisdiction, **options):
        roots = Unit.objects.filter(parent__isnull=True)
        root = (
            roots.filter(code=jurisdiction).first()
            if jurisdiction
            else roots.order_by("pk").first()
        )
        if root is None:
            raise CommandError("No such organisation.")
        try:
            _client, key = open311_client_create(
                root=root, name=name, actor=Actor.system("open311_key")
            )
        except ApplicationError as err:
            raise CommandError(str(err.message)) from None
        self.stdout.write(key)

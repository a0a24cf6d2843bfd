from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from lianxin.core.actions import api_token_create
from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError


class Command(BaseCommand):
    help = "Make an API bearer token for a login: lianxin token <username> --name <who uses it>"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", required=True)

    def handle(self, *args, username, name, **options):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active login {username!r}.")
        try:
            _token, raw = api_token_create(
                user=user, name=name, actor=Actor.system("lianxin token")
            )
        except ApplicationError as err:
            raise CommandError(str(err.message)) from None
        self.stdout.write(raw)

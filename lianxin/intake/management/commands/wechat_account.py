"""`lianxin wechat_account <slug> --name ... --app-id ... --token ... [--aes-key ...]`:
register (or update) a WeChat official account; its callback is /channels/wechat/<slug>/."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from lianxin.cases.models import Category
from lianxin.core.actor import Actor
from lianxin.core.audit import record_event
from lianxin.intake.models import WechatAccount
from lianxin.org.models import Unit


class Command(BaseCommand):
    help = "Register a WeChat official account for the callback /channels/wechat/<slug>/."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--name", required=True)
        parser.add_argument("--app-id", required=True)
        parser.add_argument("--token", required=True)
        parser.add_argument(
            "--aes-key", default="", help="EncodingAESKey (43 characters) for safe mode"
        )
        parser.add_argument(
            "--category", default="", help="category of new cases (default: the first)"
        )
        parser.add_argument("--jurisdiction", default="")

    def handle(self, *args, slug, name, app_id, token, aes_key, category, jurisdiction, **options):
        if aes_key and len(aes_key) != 43:
            raise CommandError("The EncodingAESKey has 43 characters.")
        roots = Unit.objects.filter(parent__isnull=True)
        root = (
            roots.filter(code=jurisdiction).first()
            if jurisdiction
            else roots.order_by("pk").first()
        )
        categories = Category.objects.filter(root=root, is_active=True)
        cat = categories.filter(name=category).first() if category else categories.first()
        if root is None or cat is None:
            raise CommandError("No organisation or category.")
        with transaction.atomic():
            account, _ = WechatAccount.objects.update_or_create(
                slug=slug,
                defaults={
                    "root": root,
                    "name": name,
                    "app_id": app_id,
                    "token": token,
                    "encoding_aes_key": aes_key,
                    "category": cat,
                    "is_active": True,
                },
            )
            record_event(
                actor=Actor.system("wechat_account"), action="intake.wechat_account", obj=account
            )
        self.stdout.write(f"/channels/wechat/{account.slug}/")

"""`lianxin import_weibo FILE`: cases from a Weibo JSON export of mentions and private
messages. Re-importing the same file adds nothing.

The file is a JSON list (or {"statuses": [...]} / {"messages": [...]}) of objects with
`id` (or `mid`), `text`, `user` {`id`, `screen_name`}, `created_at`, and `type` ("mention" or
"message")."""

import json

from django.core.management.base import BaseCommand, CommandError

from lianxin.cases.models import Category
from lianxin.core.errors import ApplicationError
from lianxin.intake.actions import weibo_receive
from lianxin.org.models import Unit


class Command(BaseCommand):
    help = "Import Weibo mentions and private messages as cases (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--category", default="", help="category name (default: the first)")
        parser.add_argument("--jurisdiction", default="")

    def handle(self, *args, file, category, jurisdiction, **options):
        try:
            with open(file, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError) as err:
            raise CommandError(f"Cannot read {file}: {err}") from None
        if isinstance(data, dict):
            data = data.get("statuses", []) + data.get("messages", [])
        if not isinstance(data, list):
            raise CommandError("The file holds no list of items.")
        roots = Unit.objects.filter(parent__isnull=True)
        root = (
            roots.filter(code=jurisdiction).first()
            if jurisdiction
            else roots.order_by("pk").first()
        )
        categories = Category.objects.filter(root=root, is_active=True)
        cat = categories.filter(name=category).first() if category else categories.first()
        if root is None or cat is None:
            raise CommandError("No organisation or category to import into.")
        made = same = bad = 0
        for n, item in enumerate(data, start=1):
            try:
                _case, created = weibo_receive(root=root, category=cat, item=item)
            except ApplicationError as err:
                bad += 1
                self.stderr.write(f"item {n}: {err.message}")
                continue
            made += created
            same += not created
        self.stdout.write(f"{made} new cases, {same} already imported, {bad} refused")

"""`lianxin routing train [--org CODE] [--full]` and
`lianxin routing evaluate FILE --label FIELD [--folds 5]`."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from lianxin.core.errors import ApplicationError
from lianxin.org.models import Unit


class Command(BaseCommand):
    help = "Train the routing models, or measure their accuracy on a labelled file."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True)
        train = sub.add_parser("train", help="train each organisation's model (incremental)")
        train.add_argument("--org", help="code of the organisation's root unit (default: all)")
        train.add_argument("--full", action="store_true", help="learn from scratch")
        ev = sub.add_parser("evaluate", help="cross-validate on a JSON-lines file")
        ev.add_argument("file")
        ev.add_argument("--label", required=True, help="the field holding the label")
        ev.add_argument("--folds", type=int, default=5)

    def handle(self, *args, **options):
        if options["what"] == "train":
            return self._train(options)
        return self._evaluate(options)

    def _train(self, options):
        from lianxin.routing.training import train

        roots = Unit.objects.filter(parent__isnull=True, is_active=True)
        if options.get("org"):
            roots = roots.filter(code=options["org"])
            if not roots.exists():
                raise CommandError(
                    _("No organisation with the code %(code)s.") % {"code": options["org"]}
                )
        for root in roots:
            started = time.perf_counter()
            row = train(root, full=options["full"])
            if row is None:
                self.stdout.write(
                    _("%(org)s: too few dispatched cases to learn from.") % {"org": root.name}
                )
                continue
            self.stdout.write(
                _("%(org)s: %(how)s, %(n)s cases, %(s).1f s.")
                % {
                    "org": root.name,
                    "how": _("from scratch") if row.full else _("incremental"),
                    "n": row.cases,
                    "s": time.perf_counter() - started,
                }
            )

    def _evaluate(self, options):
        from lianxin.routing import evaluate

        try:
            texts, labels = evaluate.read_examples(options["file"], options["label"])
            model, base = evaluate.cross_validate(texts, labels, folds=options["folds"])
        except ApplicationError as err:
            raise CommandError(str(err.message)) from None
        for line in evaluate.report(model, base):
            self.stdout.write(line)

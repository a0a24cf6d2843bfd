"""`lianxin serve`: serve the site with gunicorn (static files by WhiteNoise)."""

import gc

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connections
from gunicorn.app.base import BaseApplication


class _App(BaseApplication):
    def __init__(self, options):
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from lianxin.wsgi import application

        return application


def _worker_ready(worker) -> None:
    """Each worker, once it has loaded the site: the URLs (and with them every view and the
    API) loaded now rather than at the first request, then what is in memory set apart from
    Python's garbage collector (`gc.freeze`). Those objects live as long as the worker; a
    full collection went through all of them again (about 180,000) every few hundred
    requests, about 5 % of a case created through the API."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (loads the URLconf)
    gc.collect()
    gc.freeze()


class Command(BaseCommand):
    help = "Serve lianxin with gunicorn."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--threads", type=int, default=4)

    def handle(self, *args, bind, workers, threads, **options):
        if settings.PRODUCTION:
            call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"lianxin: serving on http://{bind}/ ({workers} workers)")
        # The checks above opened a database connection in this process: the workers it forks
        # would share its socket (with --threads 1 each worker answers in its main thread, on
        # that connection) and read each other's answers. Each worker opens its own.
        connections.close_all()
        _App(
            {
                "bind": bind,
                "workers": workers,
                "threads": threads,
                "accesslog": "-",
                # no client address, user agent or referrer: the access log must not say
                # who sent a misconduct report (docs/discipline.md)
                "access_log_format": '%(t)s "%(r)s" %(s)s %(b)s %(M)sms',
                "timeout": 60,
                "post_worker_init": _worker_ready,
            }
        ).run()

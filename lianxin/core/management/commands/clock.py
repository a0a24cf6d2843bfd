"""`lianxin clock`: sweep the due items in a loop (several copies may run at once)."""

import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from lianxin.core import clock


class Command(BaseCommand):
    help = "Remind and escalate every due item, then sleep and sweep again."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="One sweep, then exit.")
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between sweeps.")
        parser.add_argument("--batch", type=int, default=200)

    def handle(self, *args, once=False, interval=60.0, batch=200, **options):
        self._stop = False
        signal.signal(signal.SIGTERM, self._request_stop)
        signal.signal(signal.SIGINT, self._request_stop)
        while True:
            counts = clock.sweep(batch=batch)
            if counts["reminded"] or counts["escalated"] or once:
                self.stdout.write(f"reminded {counts['reminded']}, escalated {counts['escalated']}")
            if once or self._stop:
                return
            close_old_connections()  # do not hold a connection across the sleep
            slept = 0.0
            while slept < interval and not self._stop:
                time.sleep(min(1.0, interval - slept))
                slept += 1.0
            if self._stop:
                return

    def _request_stop(self, signum, frame):
        self._stop = True

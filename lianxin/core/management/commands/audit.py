"""`lianxin audit verify`: check the hash chain of every case timeline."""

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "verify: report every timeline entry whose chain of digests is broken."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["verify"])

    def handle(self, *args, what, **options):
        from lianxin.cases.models import CaseEvent
        from lianxin.cases.timeline import verify

        broken = 0
        for code, seq, problem in verify():
            broken += 1
            self.stdout.write(f"{code} #{seq}: {problem}")
        total = CaseEvent.objects.count()
        if broken:
            raise CommandError(f"{broken} broken of {total} timeline entries.")
        self.stdout.write(f"OK: {total} timeline entries, every chain intact.")

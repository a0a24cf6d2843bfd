"""`lianxin audit verify`: check every hash chain the apps register (the case timeline)."""

from django.core.management.base import BaseCommand, CommandError

from lianxin.core import chains


class Command(BaseCommand):
    help = "verify: report every timeline entry whose chain of digests is broken."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["verify"])

    def handle(self, *args, what, **options):
        broken = total = 0
        for chain in chains.chains():
            for code, seq, problem in chain.verify():
                broken += 1
                self.stdout.write(f"{code} #{seq}: {problem}")
            total += chain.count()
        if broken:
            raise CommandError(f"{broken} broken of {total} timeline entries.")
        self.stdout.write(f"OK: {total} timeline entries, every chain intact.")

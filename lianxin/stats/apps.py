from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "lianxin.stats"
    label = "stats"
    verbose_name = _("Scorecards")

    def ready(self) -> None:
        from lianxin.core import homes as core_homes

        from . import clockwork, homes

        clockwork.register()
        core_homes.register(homes.home_for, order=10)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "lianxin.stats"
    label = "stats"
    verbose_name = _("Scorecards")

    def ready(self) -> None:
        from . import clockwork

        clockwork.register()

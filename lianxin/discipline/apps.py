from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisciplineConfig(AppConfig):
    name = "lianxin.discipline"
    label = "discipline"
    verbose_name = _("Discipline")

    def ready(self) -> None:
        from . import scorecard

        scorecard.register_components()
        from . import clockwork

        clockwork.register()

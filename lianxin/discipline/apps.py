from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisciplineConfig(AppConfig):
    name = "lianxin.discipline"
    label = "discipline"
    verbose_name = _("Discipline")

    def ready(self) -> None:
        from lianxin.core import homes as core_homes

        from . import homes

        core_homes.register(homes.home_for, order=20)
        from . import scorecard

        scorecard.register_components()
        from . import clockwork

        clockwork.register()

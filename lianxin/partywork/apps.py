from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartyworkConfig(AppConfig):
    name = "lianxin.partywork"
    label = "partywork"
    verbose_name = _("Party work")

    def ready(self) -> None:
        from lianxin.core import homes as core_homes

        from . import homes

        core_homes.register(homes.home_for, order=30)
        from . import scorecard

        scorecard.register_components()
        from . import clockwork

        clockwork.register()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartyworkConfig(AppConfig):
    name = "lianxin.partywork"
    label = "partywork"
    verbose_name = _("Party work")

    def ready(self) -> None:
        from . import scorecard

        scorecard.register_components()
        from . import clockwork

        clockwork.register()

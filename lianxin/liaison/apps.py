from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiaisonConfig(AppConfig):
    name = "lianxin.liaison"
    label = "liaison"
    verbose_name = _("Contact with the masses")

    def ready(self) -> None:
        from . import scorecard

        scorecard.register_components()
        from . import clockwork

        clockwork.register()

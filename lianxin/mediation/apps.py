from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediationConfig(AppConfig):
    name = "lianxin.mediation"
    label = "mediation"
    verbose_name = _("Mediation")

    def ready(self) -> None:
        from . import clockwork

        clockwork.register()

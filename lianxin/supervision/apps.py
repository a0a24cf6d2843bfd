from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    name = "lianxin.supervision"
    label = "supervision"
    verbose_name = _("Inspection and rectification")

    def ready(self) -> None:
        from . import clockwork, scorecard

        clockwork.register()
        scorecard.register_components()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoutingConfig(AppConfig):
    name = "lianxin.routing"
    label = "routing"
    verbose_name = _("Routing")

    def ready(self) -> None:
        from lianxin.cases.signals import case_dispatched

        from . import clockwork, feedback

        clockwork.register()
        case_dispatched.connect(feedback.on_dispatch, dispatch_uid="routing.on_dispatch")

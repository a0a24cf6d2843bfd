from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoutingConfig(AppConfig):
    name = "lianxin.routing"
    label = "routing"
    verbose_name = _("Routing")

    def ready(self) -> None:
        from lianxin.cases.signals import case_dispatched

        from . import clockwork

        clockwork.register()
        case_dispatched.connect(_on_dispatch, dispatch_uid="routing.on_dispatch")


def _on_dispatch(sender, **kwargs) -> None:
    """Learn from a dispatch. The model code (numpy, scikit-learn, jieba) is imported at the
    first dispatch, not when Django starts: commands, the clock and the worker start in a
    fraction of the time."""
    from . import feedback

    feedback.on_dispatch(sender, **kwargs)

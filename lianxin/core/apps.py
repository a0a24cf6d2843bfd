from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "lianxin.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        from . import (
            checks,  # noqa: F401  (registers the system checks)
            clock,
            exportjobs,
        )

        clock.register_planner(exportjobs.expire)
        # Every app's contributions to core's registries (menu, homes' panels, template
        # values, demo loaders, chains, answers about a login), as Wagtail finds its hooks.
        autodiscover_modules("lianxin_hooks")

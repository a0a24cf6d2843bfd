from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "lianxin.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        from lianxin.core import homes as core_homes

        from . import homes

        core_homes.register(homes.home_for, order=40)
        from . import clockwork

        clockwork.register_handlers()
        from django.db.models.signals import post_migrate

        post_migrate.connect(_search_index, sender=self)


def _search_index(using="default", **kwargs) -> None:
    """Put back the SQLite search triggers if a migration remade the cases table."""
    from django.db import connections

    from .search import ensure_sqlite

    ensure_sqlite(connections[using])

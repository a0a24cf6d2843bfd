from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "lianxin.catalog"
    label = "catalog"
    verbose_name = _("Services")

    def ready(self) -> None:
        from . import scorecard

        scorecard.register_components()
        from lianxin.cases.queries import KNOWLEDGE_SOURCES

        from . import clockwork, knowledge

        clockwork.register()
        if knowledge.guides not in KNOWLEDGE_SOURCES:
            KNOWLEDGE_SOURCES.append(knowledge.guides)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RulesConfig(AppConfig):
    name = "lianxin.rules"
    label = "rules"
    verbose_name = _("Regulations")

    def ready(self) -> None:
        from . import scorecard

        scorecard.register_components()
        from lianxin.cases.queries import KNOWLEDGE_SOURCES

        from . import knowledge

        if knowledge.clauses not in KNOWLEDGE_SOURCES:
            KNOWLEDGE_SOURCES.append(knowledge.clauses)

from django.urls import path

from . import portal, views

workbench_urls = [
    path("rules/", views.regulations, name="regulations"),
    path("rules/booklet/", views.booklet_page, name="rule_booklet"),
    path("rules/<int:pk>/", views.regulation, name="regulation"),
    path("rules/versions/<int:pk>/", views.version, name="rule_version"),
    path("rules/versions/<int:pk>/diff/<int:other>/", views.version_diff, name="rule_diff"),
    path("rules/versions/<int:pk>/export/", views.study_export, name="rule_study_export"),
    path("rules/versions/<int:pk>/<str:step>/", views.version_step, name="rule_step"),
]

portal_urls = [
    path("rules/", portal.rules, name="rules"),
    path("rules/<slug:code>/", portal.rule, name="rule"),
    path("rules/<slug:code>/v<int:number>/", portal.rule, name="rule_version"),
    path("rules/<slug:code>/diff/<int:old>/<int:new>/", portal.diff, name="rule_diff"),
    path("rules/<slug:code>/<int:article>/", portal.article, name="rule_article"),
    path("rules/<slug:code>/<int:article>/<int:paragraph>/", portal.article, name="rule_clause"),
]

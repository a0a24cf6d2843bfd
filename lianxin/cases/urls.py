from django.urls import path

from . import setup_views, views

workbench_urls = [
    path("cases/", views.case_queue, name="case_queue"),
    path("cases/export.xlsx", views.case_export, name="case_export"),
    path("cases/entry/", views.case_entry, name="case_entry"),
    path("cases/entry/caller/", views.case_caller, name="case_caller"),
    path("cases/entry/knowledge/", views.case_knowledge, name="case_knowledge"),
    path("cases/problems/new/", views.problem_new, name="problem_new"),
    path("cases/setup/", setup_views.register_setup, name="register_setup"),
    path(
        "cases/setup/categories/<int:pk>/toggle/",
        setup_views.category_toggle,
        name="category_toggle",
    ),
    path("cases/setup/extensions/", setup_views.extension_rule, name="extension_rule"),
    path("cases/setup/limits/<int:pk>/delete/", setup_views.limit_delete, name="limit_delete"),
    path("org/units/<int:pk>/templates/", setup_views.unit_templates, name="unit_templates"),
    path("cases/templates/<int:pk>/delete/", setup_views.template_delete, name="template_delete"),
    path("org/units/<int:pk>/problems/", views.problem_list, name="problem_list"),
    path("cases/<str:code>/", views.case_detail, name="case_detail"),
    path("cases/<str:code>/contact/", views.case_contact, name="case_contact"),
    path("cases/<str:code>/files/<int:pk>/", views.case_file, name="case_file"),
    path("cases/<str:code>/<str:name>/", views.case_act, name="case_act"),
]

from django.urls import path

from . import views

workbench_urls = [
    path("routing/hints/", views.entry_hints, name="routing_hints"),
    path("routing/cases/<str:code>/", views.case_hints, name="routing_case_hints"),
    path("routing/setup/", views.setup, name="routing_setup"),
    path("routing/rules/<int:pk>/delete/", views.rule_delete, name="routing_rule_delete"),
    path("routing/sections/<int:pk>/delete/", views.section_delete, name="routing_section_delete"),
    path("routing/hotspots/", views.hotspot_page, name="routing_hotspots"),
    path("routing/hotspots/problem/", views.hotspot_problem, name="routing_hotspot_problem"),
]

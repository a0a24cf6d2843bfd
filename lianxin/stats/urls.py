from django.urls import path

from . import views

workbench_urls = [
    path("scorecards/", views.organisation, name="scorecards"),
    path("scorecards/home/", views.organ_home, name="scorecard_home"),
    path("scorecards/<str:month>/freeze/", views.freeze, name="scorecard_freeze"),
    path("scorecards/<str:month>/report.xlsx", views.report_export, name="scorecard_export"),
    path("scorecards/<str:month>/print/", views.report_print, name="scorecard_print"),
    path("scorecards/units/<int:unit_id>/<str:month>/", views.unit_month, name="scorecard_unit"),
    path(
        "scorecards/units/<int:unit_id>/<str:month>/comment/",
        views.comment,
        name="scorecard_comment",
    ),
    path(
        "scorecards/units/<int:unit_id>/<str:month>/cases/<slug:what>/",
        views.unit_records,
        name="scorecard_records",
    ),
]

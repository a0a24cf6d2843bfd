from django.urls import path

from . import views

workbench_urls = [
    path("partywork/", views.index, name="partywork"),
    path("partywork/office/", views.office_setup, name="partywork_office"),
    path("partywork/reports.xlsx", views.grid_export, name="partywork_grid_export"),
    path("partywork/<str:month>.xlsx", views.month_export, name="partywork_month_export"),
    path("partywork/units/<int:unit_id>/plans/<str:month>/", views.plan_detail, name="plan_detail"),
    path(
        "partywork/units/<int:unit_id>/reports/<str:month>/",
        views.report_detail,
        name="report_detail",
    ),
    path("partywork/units/<int:unit_id>/study/", views.sessions, name="study_sessions"),
    path("partywork/study/<int:pk>/", views.session_detail, name="session_detail"),
    path("partywork/people/<int:person_id>/study/", views.study_record, name="study_record"),
    path("partywork/guidance/new/", views.guidance_new, name="guidance_new"),
    path("partywork/guidance/<int:pk>/", views.guidance_detail, name="guidance_detail"),
    path(
        "partywork/guidance/<int:pk>/confirm/<int:unit_id>/",
        views.guidance_confirm,
        name="guidance_confirm",
    ),
]

from django.urls import path

from . import portal, views

workbench_urls = [
    path("discipline/", views.reports, name="reports"),
    path("discipline/export/", views.reports_export, name="reports_export"),
    path("discipline/reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("discipline/reports/<int:pk>/message/", views.report_message, name="report_message"),
    path("discipline/reports/<int:pk>/reporter/", views.report_reveal, name="report_reveal"),
    path("discipline/reports/<int:pk>/files/<int:file_pk>/", views.report_file, name="report_file"),
    path("discipline/reports/<int:pk>/<str:name>/", views.report_step, name="report_step"),
    path("discipline/penalties/", views.penalties, name="penalties"),
    path("discipline/penalties/export/", views.penalties_export, name="penalties_export"),
    path(
        "discipline/penalties/<int:pk>/document/",
        views.penalty_document,
        name="penalty_document",
    ),
    path("discipline/notices/", views.notices, name="discipline_notices"),
]

portal_urls = [
    path("report/", portal.report, name="report"),
    path("report/follow/", portal.follow, name="report_follow"),
    path("report/follow/progress/", portal.progress, name="report_progress"),
    path("report/follow/message/", portal.progress_message, name="report_message"),
    path("report/follow/files/<int:pk>/", portal.progress_file, name="report_file"),
    path("report/follow/leave/", portal.progress_leave, name="report_leave"),
    path("notices/", portal.notices, name="notices"),
]

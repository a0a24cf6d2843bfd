from django.urls import path

from . import views

workbench_urls = [
    path("supervision/", views.inspections, name="inspections"),
    path("supervision/inspections/<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path("supervision/inspections/<int:pk>/findings/", views.finding_new, name="finding_new"),
    path(
        "supervision/inspections/<int:pk>/finish/",
        views.inspection_finish,
        name="inspection_finish",
    ),
    path(
        "supervision/inspections/<int:pk>/report/",
        views.inspection_report,
        name="inspection_report",
    ),
    path("supervision/ledger/", views.ledger, name="ledger"),
    path("supervision/problems/<str:code>/", views.problem_detail, name="problem_ledger_detail"),
    path(
        "supervision/problems/<str:code>/evidence/<int:pk>/",
        views.evidence_file,
        name="problem_evidence",
    ),
    path("supervision/problems/<str:code>/<str:name>/", views.problem_step, name="problem_step"),
]

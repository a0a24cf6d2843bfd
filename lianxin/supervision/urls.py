from django.urls import path

from . import order_views, views

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
    path("supervision/orders/", order_views.orders, name="orders"),
    path("supervision/reports/register/", order_views.report_register, name="report_register"),
    path("supervision/cases/<str:code>/orders/", order_views.case_orders, name="case_orders"),
    path("supervision/cases/<str:code>/transfer/", order_views.case_transfer, name="case_transfer"),
    path(
        "supervision/cases/<str:code>/orders/<str:name>/",
        order_views.case_order_step,
        name="case_order_step",
    ),
    path("supervision/problems/<str:code>/", views.problem_detail, name="problem_ledger_detail"),
    path(
        "supervision/problems/<str:code>/evidence/<int:pk>/",
        views.evidence_file,
        name="problem_evidence",
    ),
    path("supervision/problems/<str:code>/<str:name>/", views.problem_step, name="problem_step"),
]

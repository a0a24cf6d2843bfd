from django.urls import path

from . import views

workbench_urls = [
    path("mediation/", views.dispute_list, name="disputes"),
    path("mediation/new/", views.dispute_new, name="dispute_new"),
    path("mediation/<int:pk>/", views.dispute_detail, name="dispute_detail"),
    path("mediation/<int:pk>/agreement/", views.agreement, name="dispute_agreement"),
]

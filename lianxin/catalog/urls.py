from django.urls import path

from . import views

workbench_urls = [
    path("services/", views.services, name="services"),
    path("services/<int:pk>/", views.service_detail, name="service_detail"),
    path("services/requests/", views.requests, name="service_requests"),
    path("services/requests/<str:month>.xlsx", views.register_export, name="register_export"),
    path("services/requests/<str:code>/", views.request_detail, name="request_detail"),
    path("services/requests/<str:code>/<str:step>/", views.request_step, name="request_step"),
]

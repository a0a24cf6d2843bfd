from django.urls import path

from . import views

workbench_urls = [
    path("liaison/", views.diary, name="diary"),
    path("liaison/visits/<int:pk>/", views.visit_detail, name="visit_detail"),
    path("liaison/visits/<int:pk>/photo/", views.visit_photo, name="visit_photo"),
    path("liaison/visits/<int:pk>/review/", views.visit_review, name="visit_review"),
    path("liaison/needs/<int:pk>/case/", views.need_case, name="need_case"),
    path("liaison/diaries/", views.diaries, name="diaries"),
    path("liaison/cadence/", views.cadence, name="cadence"),
    path("liaison/points/", views.points, name="contact_points"),
    path("liaison/research/", views.research, name="research"),
    path("liaison/<str:month>.xlsx", views.export, name="liaison_export"),
]

from django.urls import path

from . import views

app_name = "org"

urlpatterns = [
    path("to-chuc/", views.tree, name="tree"),
    path("to-chuc/<int:pk>/", views.unit_detail, name="unit"),
    path("ca-nhan/them/", views.person_create, name="person_create"),
    path("ca-nhan/<int:pk>/", views.person_detail, name="person"),
    path("ca-nhan/<int:pk>/sua/", views.person_edit, name="person_edit"),
    path("tim-kiem/", views.search, name="search"),
]

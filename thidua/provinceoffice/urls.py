from django.urls import path

from . import views

app_name = "provinceoffice"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("so-lieu.xlsx", views.dashboard_excel, name="dashboard_excel"),
    path("tinh-lai/", views.refresh, name="refresh"),
    path("chi-tieu/", views.targets, name="targets"),
    path("xa/", views.communes, name="communes"),
    path("xa/them/", views.commune_create, name="commune_create"),
    path("xa/<int:pk>/", views.commune, name="commune"),
    path("xa/<int:pk>/chua-co-don-vi/", views.people_without_unit, name="people_without_unit"),
    path("xa/<int:pk>/chua-co-so-quyet-dinh/", views.awards_without_number, name="awards_without_number"),
    path("xa/<int:pk>/quan-tri-vien/", views.commune_admin, name="commune_admin"),
    path("xa/<int:pk>/sap-nhap/", views.commune_merge, name="commune_merge"),
    path("xa/<int:pk>/nhap-du-lieu/", views.commune_import, name="commune_import"),
]

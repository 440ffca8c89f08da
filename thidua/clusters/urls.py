from django.urls import path

from . import views

app_name = "clusters"

urlpatterns = [
    path("", views.cluster_list, name="list"),
    path("them/", views.cluster_create, name="create"),
    path("<int:pk>/", views.cluster_detail, name="cluster"),
    path("<int:pk>/nam/them/", views.year_open, name="year_open"),
    path("nam/<int:pk>/cum-truong/", views.leader_edit, name="leader"),
    path("nam/<int:pk>/giao-uoc/", views.pact_create, name="pact"),
    path("nam/<int:pk>/giao-uoc/ky/", views.pact_sign, name="pact_sign"),
    path("nam/<int:pk>/tieu-chi/", views.criteria_edit, name="criteria"),
    path("nam/<int:pk>/cham-diem/<int:org>/", views.score, name="score"),
    path("nam/<int:pk>/khoa/", views.lock, name="lock"),
    path("nam/<int:pk>/de-nghi/", views.propose, name="propose"),
    path("nam/<int:pk>/trinh-thanh-pho/", views.send, name="send"),
    path("nam/<int:pk>/to-trinh.docx", views.submission, name="submission"),
]

from django.urls import path

from . import views

app_name = "province"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("ho-so/<int:pk>/tiep-nhan/", views.receive, name="receive"),
    path("cum-thi-dua/<int:pk>/tiep-nhan/", views.receive_cluster, name="receive_cluster"),
]

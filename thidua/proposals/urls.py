from django.urls import path

from . import views

app_name = "proposals"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("hoi-dong/", views.council, name="council"),
]

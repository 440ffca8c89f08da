from django.urls import path

from . import views

app_name = "funds"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("tai-nang-tre/", views.talent, name="talent"),
    path("<str:year>/", views.year_detail, name="year"),
    path("<str:year>/so-du/", views.fund_edit, name="fund_edit"),
    path("<str:year>/thu/<int:pk>/xoa/", views.receipt_delete, name="receipt_delete"),
]

from django.urls import path

from . import views

app_name = "administration"

urlpatterns = [
    path("", views.index, name="index"),
    path("tai-khoan/", views.account_list, name="accounts"),
    path("tai-khoan/them/", views.account_create, name="account_create"),
    path("tai-khoan/<int:pk>/", views.account_edit, name="account_edit"),
    path("tai-khoan/<int:pk>/trang-thai/", views.account_active, name="account_active"),
    path("tai-khoan/<int:pk>/dat-lai-mat-khau/", views.account_reset, name="account_reset"),
    path("lich-lam-viec/", views.calendar, name="calendar"),
    path("lich-lam-viec/<int:pk>/xoa/", views.calendar_delete, name="calendar_delete"),
]

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from .forms import ThrottledLoginForm

app_name = "accounts"

urlpatterns = [
    path("dang-nhap/", auth_views.LoginView.as_view(
        template_name="accounts/login.html", authentication_form=ThrottledLoginForm,
        redirect_authenticated_user=True), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", auth_views.PasswordChangeView.as_view(
        template_name="accounts/password_change.html",
        success_url=reverse_lazy("accounts:password_change_done")), name="password_change"),
    path("doi-mat-khau/xong/", auth_views.PasswordChangeDoneView.as_view(
        template_name="accounts/password_change_done.html"), name="password_change_done"),
]

from . import views  # noqa: E402

urlpatterns += [
    path("thong-bao/", views.notifications, name="notifications"),
    path("thu-di/", views.outbox, name="outbox"),
]

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from . import services


class ThrottledLoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "locked_out": _("Tài khoản tạm bị khóa do đăng nhập sai %(limit)s lần. Vui lòng thử lại sau %(minutes)s phút."),
    }

    def clean(self):
        username = (self.cleaned_data.get("username") or "").strip()
        if username and services.is_locked_out(username=username):
            raise forms.ValidationError(
                self.error_messages["locked_out"], code="locked_out",
                params={"limit": settings.LOGIN_FAILURE_LIMIT, "minutes": settings.LOGIN_FAILURE_WINDOW_MINUTES},
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if username:
                services.record_login_failure(username=username, ip=self.request.META.get("REMOTE_ADDR") if self.request else None)
            raise
        services.clear_login_failures(username=username)
        return cleaned

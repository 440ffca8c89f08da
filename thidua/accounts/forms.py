from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from . import throttle


class ThrottledLoginForm(AuthenticationForm):
    """The login form; the counting and locking is django-axes' (see ``throttle``)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "locked_out": _("Đăng nhập sai quá nhiều lần từ máy này nên tạm bị khóa. "
                        "Vui lòng thử lại sau %(minutes)s phút."),
    }

    def clean(self):
        error = None
        with transaction.atomic():  # the failure is recorded in this transaction: never roll it back
            throttle.serialise(self.request)
            try:
                cleaned = super().clean()
            except forms.ValidationError as exc:
                error = exc
        if getattr(self.request, "axes_locked_out", False):
            raise forms.ValidationError(self.error_messages["locked_out"], code="locked_out",
                                        params={"minutes": throttle.cooloff_minutes()})
        if error is not None:
            raise error
        return cleaned

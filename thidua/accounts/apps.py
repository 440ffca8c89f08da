from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "thidua.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"

    def ready(self):
        from . import permissions  # noqa: F401 — registers the capabilities with django-rules
